// CertCentral runs two separate instances; an account lives on exactly one of them.
// Source: docs/certcentral-api.md "Transport" (base URLs [doc]) and "CertCentral console pages" ([client] hints).

export type Region = 'us' | 'eu';

export const REGIONS: readonly Region[] = ['us', 'eu'];

/** Services API v2 base URLs, no trailing slash (paths start with `/`). */
export const API_BASE_URLS: Readonly<Record<Region, string>> = {
  us: 'https://www.digicert.com/services/v2',
  eu: 'https://certcentral.digicert.eu/services/v2',
};

/** Console ("secure") base URLs, with trailing slash so relative routes can be appended. */
export const CONSOLE_BASE_URLS: Readonly<Record<Region, string>> = {
  us: 'https://www.digicert.com/secure/',
  eu: 'https://certcentral.digicert.eu/secure/',
};

export function isRegion(value: unknown): value is Region {
  return value === 'us' || value === 'eu';
}

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
