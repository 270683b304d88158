import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePolicy } from '../policy/parse';
import { effectiveRegion } from './managed-region';
import { setRegion } from './preferences';
import { changeRegion, getSettingsView } from './service';
import { resetSettingsStorage } from './testing';

beforeEach(resetSettingsStorage);

describe('the region under a policy', () => {
  it('is the policy’s when it sets one, the preference otherwise (pure)', () => {
    expect(effectiveRegion('us', parsePolicy({ region: 'eu' }))).toEqual({ region: 'eu', managed: true });
    expect(effectiveRegion('us', parsePolicy({}))).toEqual({ region: 'us', managed: false });
    // A broken policy is ignored as a whole: the preference applies.
    expect(effectiveRegion('us', parsePolicy({ region: 'eu', maxValidityYears: 9 }))).toEqual({
      region: 'us',
      managed: false,
    });
  });

  it('is reported as managed, refuses a change, and leaves the stored preference as it was', async () => {
    await setRegion('us');
    await fakeBrowser.storage.managed.set({ region: 'eu' });
    const view = await getSettingsView();
    expect(view).toMatchObject({ region: 'eu', regionManaged: true });
    const changed = await changeRegion('us');
    expect(changed).toEqual({ ok: false, error: expect.objectContaining({ code: 'region_managed' }) });
    await fakeBrowser.storage.managed.clear();
    expect(await getSettingsView()).toMatchObject({ region: 'us' });
    expect((await getSettingsView()).regionManaged).toBeUndefined();
  });
});
