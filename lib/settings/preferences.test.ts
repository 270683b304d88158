import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPrivate, writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import {
  migratePreferences,
  movePreferencesOutOfLocal,
  preferencesV1ToV2,
  readPreferences,
  setIdleMinutes,
  setRegion,
} from './preferences';

beforeEach(resetStorageForTests);

const local = () => fakeBrowser.storage.local.get(null);

describe('preferences', () => {
  it('defaults to the US region', async () => {
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 15 });
  });

  it('stores the region and idle time as version 2 in the private store, nothing in storage.local', async () => {
    await setRegion('eu');
    await setIdleMinutes(30);
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 30 });
    expect(await readPrivate('preferences')).toEqual({ version: 2, region: 'eu', idleMinutes: 30 });
    expect(await local()).toEqual({});
  });

  it('migrates version 1 (region only) by adding the default idle time', () => {
    expect(migratePreferences({ region: 'eu' }, 1)).toEqual({ region: 'eu', idleMinutes: 15 });
    expect(migratePreferences({ region: 'eu', idleMinutes: 40 }, 2)).toEqual({
      region: 'eu',
      idleMinutes: 40,
    });
  });

  it('steps version 1 to 2 by adding the default idle time', () => {
    expect(preferencesV1ToV2({ version: 1, region: 'eu' })).toEqual({
      version: 1,
      region: 'eu',
      idleMinutes: 15,
    });
  });

  it.each([
    ['a region it does not know', { region: 'mars', idleMinutes: 15 }, 2],
    ['not an object', 'eu', 2],
    ['a newer version', { region: 'eu', idleMinutes: 15 }, 3],
  ])('falls back to the defaults for %s', (_, raw, version) => {
    expect(migratePreferences(raw, version)).toEqual({ region: 'us', idleMinutes: 15 });
  });

  it('falls back to the defaults when the stored record does not parse', async () => {
    await writePrivate('preferences', { version: 2, region: 'mars', idleMinutes: 15 });
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 15 });
    await writePrivate('preferences', { region: 'eu', idleMinutes: 15 });
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 15 });
  });
});

describe('moving preferences out of storage.local', () => {
  it('storage.local has version 1 (no marker) and the private store is empty: migrated, moved, removed', async () => {
    await fakeBrowser.storage.local.set({ preferences: { region: 'eu' } });
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 15 });
    expect(await readPrivate('preferences')).toEqual({ version: 2, region: 'eu', idleMinutes: 15 });
    expect(await local()).toEqual({});
  });

  it('moves version 2 as it was; a damaged one becomes the defaults, as it read before', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { region: 'eu', idleMinutes: 45 },
      preferences$: { v: 2 },
    });
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 45 });
    resetStorageForTests();
    await fakeBrowser.storage.local.set({ preferences: { region: 'mars' }, preferences$: { v: 2 } });
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 15 });
    expect(await readPrivate('preferences')).toEqual({ version: 2, region: 'us', idleMinutes: 15 });
    expect(await local()).toEqual({});
  });

  it('a change made before any read keeps what storage.local held', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { region: 'eu', idleMinutes: 45 },
      preferences$: { v: 2 },
    });
    await setIdleMinutes(5);
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 5 });
  });

  it('both have preferences: the private store wins and the stale copy is removed', async () => {
    await writePrivate('preferences', { version: 2, region: 'us', idleMinutes: 15 });
    await fakeBrowser.storage.local.set({
      preferences: { region: 'eu', idleMinutes: 15 },
      preferences$: { v: 2 },
    });
    expect((await readPreferences()).region).toBe('us');
    await movePreferencesOutOfLocal();
    expect(await local()).toEqual({});
    expect((await readPreferences()).region).toBe('us');
  });

  it('a move cut short after writing is harmless to run again', async () => {
    await fakeBrowser.storage.local.set({ preferences: { region: 'eu' } });
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('closed'));
    await expect(readPreferences()).rejects.toThrow('closed');
    remove.mockRestore();
    await setIdleMinutes(20);
    await movePreferencesOutOfLocal();
    expect(await readPreferences()).toEqual({ region: 'eu', idleMinutes: 20 });
    expect(await local()).toEqual({});
  });

  it('after the move (or on a new install), a region written to storage.local is never used', async () => {
    expect((await readPreferences()).region).toBe('us');
    // What a content script could do in Firefox, where storage.local has no access switch.
    await fakeBrowser.storage.local.set({
      preferences: { region: 'eu', idleMinutes: 15 },
      preferences$: { v: 2 },
    });
    expect((await readPreferences()).region).toBe('us');
    await setIdleMinutes(30);
    expect(await readPreferences()).toEqual({ region: 'us', idleMinutes: 30 });
  });
});
