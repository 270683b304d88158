import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPreferences } from '../settings/preferences';
import { readTemplates } from '../templates/storage';
import { makeTemplate } from '../templates/testing';
import { moveOrderInputsOutOfLocal } from './order-inputs';
import { readPrivate } from './private-store';
import { resetStorageForTests } from './testing';

beforeEach(resetStorageForTests);

const template = makeTemplate({ name: 'Web EV' });

describe('the background’s move at start', () => {
  it('moves templates and preferences out of storage.local and leaves nothing there', async () => {
    await fakeBrowser.storage.local.set({
      templates: [template],
      templates$: { v: 1 },
      'templates-quarantine': [],
      preferences: { region: 'eu' },
    });
    await moveOrderInputsOutOfLocal();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await readPrivate('templates')).toEqual({ version: 1, templates: [template], keptAside: [] });
    expect(await readPrivate('preferences')).toEqual({ version: 2, region: 'eu', idleMinutes: 15 });
  });

  it('on a new install, makes both records so that nothing written to storage.local later is read', async () => {
    await moveOrderInputsOutOfLocal();
    await fakeBrowser.storage.local.set({
      templates: [template],
      preferences: { region: 'eu', idleMinutes: 15 },
    });
    expect((await readTemplates()).templates).toEqual([]);
    expect((await readPreferences()).region).toBe('us');
    // The next start removes those keys again.
    await moveOrderInputsOutOfLocal();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('says which item could not be moved, never what it holds, and moves the other', async () => {
    await fakeBrowser.storage.local.set({ templates: [template], preferences: { region: 'eu' } });
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(((keys: string[]) =>
      keys.includes('templates') ? Promise.reject(new Error('Web EV')) : get(keys)) as never);
    const warn = vi.fn();
    await moveOrderInputsOutOfLocal(warn);
    expect(warn.mock.calls).toEqual([
      ['The templates could not be moved out of storage.local; the next start tries again.'],
    ]);
    expect(await readPrivate('preferences')).toEqual({ version: 2, region: 'eu', idleMinutes: 15 });
    expect(await readPrivate('templates')).toBeUndefined();
  });
});
