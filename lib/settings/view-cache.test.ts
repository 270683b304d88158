import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SettingsView } from '../messaging';
import { keepPolicySeen } from '../policy/seen';
import { readStored } from '../storage/stored-item';
import {
  changeRegion,
  getSettingsView,
  lockKey,
  protectKey,
  removeKey,
  saveKey,
  testConnection,
  unlockKey,
} from './service';
import { depsAnswering, PASSPHRASE, resetSettingsStorage } from './testing';
import {
  changingSettings,
  forgetSettingsView,
  keepSettingsView,
  keptViewAt,
  readKeptSettingsView,
  SETTINGS_VIEW,
} from './view-cache';
import { keptSettingsViewItem } from './view-cache-item';

const VIEW: SettingsView = {
  apiKey: { state: 'saved', hint: 'CDEF', savedAt: '2026-11-29T10:00:00.000Z' },
  region: 'us',
  idleMinutes: 15,
  connection: null,
};
const KEY = 'SECRETKEY-0123456789ABCDEF';
const kept = async () => (await fakeBrowser.storage.session.get(SETTINGS_VIEW))[SETTINGS_VIEW];

beforeEach(resetSettingsStorage);

describe('keptViewAt', () => {
  it('gives the kept view while it holds', () => {
    expect(keptViewAt({ version: 1, view: VIEW, policy: '{}' }, 0, '{}')).toEqual(VIEW);
    expect(keptViewAt({ version: 1, view: VIEW, policy: '{}', until: 2_000 }, 1_999, '{}')).toEqual(VIEW);
  });

  it('gives nothing once an unlocked key would have locked by itself', () => {
    expect(keptViewAt({ version: 1, view: VIEW, policy: '{}', until: 2_000 }, 2_000, '{}')).toBeUndefined();
    expect(keptViewAt({ version: 1, view: VIEW, policy: '{}', until: 'later' }, 0, '{}')).toBeUndefined();
  });

  it('gives nothing under another policy than the one it was computed under', () => {
    expect(keptViewAt({ version: 1, view: VIEW, policy: '{}' }, 0, '{"region":"eu"}')).toBeUndefined();
    expect(keptViewAt({ version: 1, view: VIEW }, 0, '{}')).toBeUndefined();
  });

  it('gives nothing for another version, a damaged view or nothing at all', () => {
    expect(keptViewAt(undefined, 0, '{}')).toBeUndefined();
    expect(keptViewAt({ version: 2, view: VIEW, policy: '{}' }, 0, '{}')).toBeUndefined();
    expect(
      keptViewAt({ version: 1, view: { ...VIEW, region: 'mars' }, policy: '{}' }, 0, '{}'),
    ).toBeUndefined();
    expect(
      keptViewAt({ version: 1, view: { ...VIEW, apiKey: { state: 'saved' } }, policy: '{}' }, 0, '{}'),
    ).toBeUndefined();
  });

  it('accepts exactly what the stored item’s schema accepts', () => {
    const samples = [
      { version: 1, view: VIEW, policy: '{}' },
      { version: 1, view: VIEW, policy: '{}', until: 5 },
      { version: 1, view: { ...VIEW, regionManaged: true }, policy: '{}' },
      { version: 1, view: { ...VIEW, idleMinutes: 0 }, policy: '{}' },
      { version: 1, policy: '{}' },
      null,
    ];
    for (const raw of samples) {
      const read = readStored(keptSettingsViewItem, raw);
      expect(keptViewAt(raw, 0, '{}') !== undefined, JSON.stringify(raw)).toBe(
        read !== null && 'value' in read,
      );
    }
  });
});

describe('the kept settings view', () => {
  it('is kept when the services compute it, and read back by the front', async () => {
    // The first read of a new profile writes the preferences' record: that view is not kept.
    await getSettingsView();
    expect(await kept()).toBeUndefined();
    const view = await getSettingsView();
    expect(await kept()).toEqual({ version: 1, view, policy: '{}' });
    expect(await readKeptSettingsView()).toEqual(view);
  });

  it('is not kept when something it shows changed while it was computed', async () => {
    let release: () => void = () => undefined;
    const computing = keepSettingsView(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { view: VIEW, policy: { raw: {}, lastSeen: false } };
    });
    await changingSettings(async () => undefined);
    release();
    expect(await computing).toEqual(VIEW);
    expect(await kept()).toBeUndefined();
  });

  it('is forgotten before a change and after it, so the front never answers with the old one', async () => {
    await getSettingsView();
    const seen: unknown[] = [];
    await changingSettings(async () => {
      seen.push(await kept());
    });
    expect(seen).toEqual([undefined]);
    expect(await kept()).toBeUndefined();
  });

  /** The kept view, then a fresh one: what the front would answer must be what is true now. */
  async function keptThenFresh() {
    const keptNow = await readKeptSettingsView();
    return { keptNow, fresh: await getSettingsView() };
  }

  it('follows every change the settings page makes', async () => {
    const deps = depsAnswering({ status: 200, body: { id: 7, email: 'pat@example.com', access_roles: [] } });
    // Each change answers with the view as it is after it, which is what is kept.
    for (const change of [
      () => saveKey({ apiKey: KEY, region: 'us' }, deps),
      () => changeRegion('eu'),
      () => protectKey({ passphrase: PASSPHRASE, idleMinutes: 5 }),
      () => lockKey(),
      () => unlockKey({ passphrase: PASSPHRASE }),
      () => removeKey(),
    ]) {
      const reply = await change();
      const { keptNow, fresh } = await keptThenFresh();
      expect(reply).toEqual({ ok: true, value: fresh });
      expect(keptNow).toEqual(fresh);
    }
    // A connection test answers with the connection only: the view it changed is forgotten.
    await saveKey({ apiKey: KEY, region: 'us' }, deps);
    await testConnection(deps);
    const { keptNow, fresh } = await keptThenFresh();
    expect(keptNow).toBeUndefined();
    expect(fresh.connection).toMatchObject({ state: 'connected' });
    expect(await readKeptSettingsView()).toEqual(fresh);
  });

  it('showing an unlocked key, holds only until the key would lock by itself', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-29T10:00:00Z'));
      await saveKey({ apiKey: KEY, region: 'us' }, depsAnswering({ status: 200, body: {} }));
      const protectedReply = await protectKey({ passphrase: PASSPHRASE, idleMinutes: 5 });
      const view = await getSettingsView();
      expect(protectedReply).toEqual({ ok: true, value: view });
      expect(view.apiKey).toMatchObject({ state: 'saved', protected: true });
      expect(await kept()).toEqual({
        version: 1,
        view,
        policy: '{}',
        until: Date.parse('2026-11-29T10:05:00Z'),
      });
      vi.setSystemTime(new Date('2026-11-29T10:04:59Z'));
      expect(await readKeptSettingsView()).toEqual(view);
      vi.setSystemTime(new Date('2026-11-29T10:05:00Z'));
      expect(await readKeptSettingsView()).toBeUndefined();
      // That read drops the unlocked copy, a change: the view it computed is not kept; the next is.
      expect((await getSettingsView()).apiKey.state).toBe('locked');
      expect(await readKeptSettingsView()).toBeUndefined();
      const locked = await getSettingsView();
      // Locked, the view has no end of its own.
      expect(await kept()).toEqual({ version: 1, view: locked, policy: '{}' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('is not used once the organization’s policy differs from the one it was computed under', async () => {
    await getSettingsView();
    const view = await getSettingsView();
    expect(await readKeptSettingsView()).toEqual(view);
    await fakeBrowser.storage.managed.set({ allowedProducts: ['ssl_basic'] } as never);
    expect(await readKeptSettingsView()).toBeUndefined();
  });

  it('right after a browser start, is computed with the policy last seen, marked so, and not kept', async () => {
    await keepPolicySeen({ region: 'eu' });
    // The browser's policy service not ready: its answer does not come while the test runs.
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined) as never);
    try {
      // Nothing kept (storage.session is empty after a start): the front does not wait for the policy.
      expect(await readKeptSettingsView()).toBeUndefined();
      const view = await getSettingsView();
      expect(view).toMatchObject({ region: 'eu', regionManaged: true, policyLastSeen: true });
      expect(await kept()).toBeUndefined();
    } finally {
      vi.restoreAllMocks();
    }
    // Once the browser answers, the view is its own again, and kept.
    await getSettingsView();
    const view = await getSettingsView();
    expect(view.policyLastSeen).toBeUndefined();
    expect(view.region).toBe('us');
    expect(await readKeptSettingsView()).toEqual(view);
  });

  it('is forgotten when asked (a policy change)', async () => {
    await getSettingsView();
    await getSettingsView();
    expect(await readKeptSettingsView()).toBeDefined();
    await forgetSettingsView();
    expect(await readKeptSettingsView()).toBeUndefined();
  });
});
