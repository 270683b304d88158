import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPreferences, setRegion } from './preferences';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('preferences', () => {
  it('defaults to the US region', async () => {
    expect(await readPreferences()).toEqual({ region: 'us' });
  });

  it('stores the region as version 1', async () => {
    await setRegion('eu');
    expect(await readPreferences()).toEqual({ region: 'eu' });
    // WXT storage reads a missing version marker as version 1, the current one.
    const raw = await fakeBrowser.storage.local.get('preferences');
    expect(raw).toEqual({ preferences: { region: 'eu' } });
  });

  it('falls back to the defaults when the stored value does not parse', async () => {
    await fakeBrowser.storage.local.set({ preferences: { region: 'mars' }, preferences$: { v: 1 } });
    expect(await readPreferences()).toEqual({ region: 'us' });
  });
});
