import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkRegionAccess,
  hasRegionAccess,
  type PermissionsApi,
  REGION_ORIGINS,
  releaseOtherRegions,
  requestRegionAccess,
} from './host-permission';

// fakeBrowser has no permissions API: this stands in for the browser, with the user's answer to
// the prompt set per test. Installed on fakeBrowser so the default (wxt/browser) path is tested.
let granted: Set<string>;
let answer: 'allow' | 'deny' | 'throw';

function installPermissions(): PermissionsApi {
  const api: PermissionsApi = {
    contains: async ({ origins }) => origins.every((o) => granted.has(o)),
    request: async ({ origins }) => {
      if (answer === 'throw')
        throw new Error('permissions.request may only be called from a user input handler');
      if (answer === 'deny') return false;
      for (const o of origins) granted.add(o);
      return true;
    },
    remove: async ({ origins }) => origins.map((o) => granted.delete(o)).every(Boolean),
  };
  Object.assign(fakeBrowser.permissions, api);
  return api;
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set([REGION_ORIGINS.us]);
  answer = 'allow';
  installPermissions();
});

describe('host access per region', () => {
  it('always allows the US region, the one granted at install', async () => {
    granted.clear();
    expect(await hasRegionAccess('us')).toBe(true);
    expect(await checkRegionAccess('us')).toBeNull();
  });

  it('refuses Europe until it is granted, with an error that says how to fix it', async () => {
    expect(await hasRegionAccess('eu')).toBe(false);
    const error = await checkRegionAccess('eu');
    expect(error).toMatchObject({ code: 'region_access_missing' });
    expect(error?.title).toContain('certcentral.digicert.eu');
    expect(error?.detail).toMatch(/choose the region again/);
  });

  it('asks for the Europe origin only, and allows Europe once granted', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    expect(await requestRegionAccess('eu')).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://certcentral.digicert.eu/*'] });
    expect(await checkRegionAccess('eu')).toBeNull();
  });

  it('does not prompt for the US region', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    expect(await requestRegionAccess('us')).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });

  it.each(['deny', 'throw'] as const)('treats a refused or failed request (%s) as no access', async (a) => {
    answer = a;
    expect(await requestRegionAccess('eu')).toBe(false);
    expect(await hasRegionAccess('eu')).toBe(false);
  });

  it('treats a browser that cannot answer as no access', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('unavailable'));
    expect(await hasRegionAccess('eu')).toBe(false);
  });

  it('gives Europe back when the user returns to the US region', async () => {
    granted.add(REGION_ORIGINS.eu);
    expect(await releaseOtherRegions('us')).toEqual(['eu']);
    expect(await hasRegionAccess('eu')).toBe(false);
    expect(granted).toEqual(new Set([REGION_ORIGINS.us]));
  });

  it('keeps the access of the region in use, and reports nothing to give back when not granted', async () => {
    granted.add(REGION_ORIGINS.eu);
    expect(await releaseOtherRegions('eu')).toEqual([]);
    expect(await hasRegionAccess('eu')).toBe(true);
    granted.delete(REGION_ORIGINS.eu);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    expect(await releaseOtherRegions('us')).toEqual([]);
    expect(remove).not.toHaveBeenCalled();
  });
});
