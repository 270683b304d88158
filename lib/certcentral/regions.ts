// The API's and the console's base URLs in each region (lib/region.ts has the instances themselves).
// Source: docs/certcentral-api.md "Transport" (base URLs [doc]) and "CertCentral console pages" ([client] hints).
import { type Region, regionOrigin } from '../region';

/** Services API v2 base URLs, no trailing slash (paths start with `/`). */
export const API_BASE_URLS: Readonly<Record<Region, string>> = {
  us: `${regionOrigin('us')}/services/v2`,
  eu: `${regionOrigin('eu')}/services/v2`,
};

/** Console ("secure") base URLs, with trailing slash so relative routes can be appended. */
export const CONSOLE_BASE_URLS: Readonly<Record<Region, string>> = {
  us: `${regionOrigin('us')}/secure/`,
  eu: `${regionOrigin('eu')}/secure/`,
};

export function apiBaseUrl(region: Region): string {
  return API_BASE_URLS[region];
}

/**
 * Link to an order in the CertCentral console. docs/certcentral-api.md lists the hash route `/secure/orders/#<id>`
 * and path forms as undocumented hints; the hash route always lands on the orders list page, which
 * exists on both instances, so a wrong guess degrades to "the list" rather than a 404.
 */
export function consoleOrderUrl(region: Region, orderId: number): string {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) {
    throw new RangeError(`Order id must be a positive integer, got ${String(orderId)}`);
  }
  return `${CONSOLE_BASE_URLS[region]}orders/#${orderId}`;
}
