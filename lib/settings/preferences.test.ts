import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { preferencesItem, readPreferences, setIdleMinutes, setRegion } from './preferences';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('preferences', () => {
  it('defaults to the US region', async () => {
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 15 });
  });

  it('stores the region and idle time as version 2', async () => {
    await setRegion('eu');
    await setIdleMinutes(30);
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 30 });
    const raw = await fakeBrowser.storage.local.get(['preferences', 'preferences$']);
    expect(raw).toEqual({ preferences: { region: 'eu', idleMinutes: 30 }, preferences$: { v: 2 } });
  });

  it('migrates version 1 (region only) by adding the default idle time', async () => {
    // WXT storage reads a missing version marker as version 1.
    await fakeBrowser.storage.local.set({ preferences: { region: 'eu' } });
    await preferencesItem.migrate();
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 15 });
  });

  it('falls back to the defaults when the stored value does not parse', async () => {
    await fakeBrowser.storage.local.set({ preferences: { region: 'mars' }, preferences$: { v: 2 } });
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 15 });
  });
});
