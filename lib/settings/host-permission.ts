/**
 * Host access per region. The US instance (the default region) is granted at install; Europe is an
 * optional host permission that the options page asks for when the user picks it, and gives back
 * when they leave it. The background checks it before any API call, because the user can also
 * revoke it at any time from the browser's extension settings.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { UserError } from '../messaging';
import { CERTCENTRAL_HOSTS, type Region, regionHostPattern } from '../region';

/** The match pattern each region's API and console need (the manifest is built from the same list). */
export const REGION_ORIGINS: Readonly<Record<Region, string>> = {
  us: regionHostPattern('us'),
  eu: regionHostPattern('eu'),
};

/** Regions whose host access is asked for at run time rather than at install. */
export const OPTIONAL_REGIONS: readonly Region[] = ['eu'];

/** The part of `browser.permissions` used here; tests pass a fake. */
export type PermissionsApi = {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
};

const defaultApi = (): PermissionsApi => browser.permissions;

export function isOptionalRegion(region: Region): boolean {
  return OPTIONAL_REGIONS.includes(region);
}

/** Whether the extension may call this region's API now. Required regions are always allowed. */
export async function hasRegionAccess(region: Region, api: PermissionsApi = defaultApi()): Promise<boolean> {
  if (!isOptionalRegion(region)) return true;
  try {
    return await api.contains({ origins: [REGION_ORIGINS[region]] });
  } catch {
    // A browser that cannot answer has not granted anything we can rely on.
    return false;
  }
}

/**
 * Asks the user for the region's host access. Call it first thing in a click or change handler,
 * before any `await`: browsers only show the prompt during a user gesture. Resolves to whether
 * access is granted now; a refusal, a dismissed prompt and a browser error all mean "no".
 */
export function requestRegionAccess(region: Region, api: PermissionsApi = defaultApi()): Promise<boolean> {
  if (!isOptionalRegion(region)) return Promise.resolve(true);
  try {
    return api.request({ origins: [REGION_ORIGINS[region]] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Gives back the access of every optional region other than `keep`; returns the regions given back. */
export async function releaseOtherRegions(
  keep: Region,
  api: PermissionsApi = defaultApi(),
): Promise<Region[]> {
  const released: Region[] = [];
  for (const region of OPTIONAL_REGIONS) {
    if (region === keep || !(await hasRegionAccess(region, api))) continue;
    const removed = await api.remove({ origins: [REGION_ORIGINS[region]] }).catch(() => false);
    if (removed) released.push(region);
  }
  return released;
}

/** What the user reads when the region's access is missing: what happened and how to fix it. */
export function missingAccessError(region: Region): UserError {
  return {
    title: t('settings_region_missing_title', CERTCENTRAL_HOSTS[region]),
    detail: t('settings_region_missing'),
    code: 'region_access_missing',
  };
}

/**
 * For whoever opens an API transport: null when the region may be called, otherwise the error to
 * return instead of calling it. Never call a region's API without this.
 */
export async function checkRegionAccess(
  region: Region,
  api: PermissionsApi = defaultApi(),
): Promise<UserError | null> {
  return (await hasRegionAccess(region, api)) ? null : missingAccessError(region);
}
