/**
 * CertCentral's two instances, the one list of them. An account lives on exactly one: the US
 * instance at www.digicert.com and the European one at certcentral.digicert.eu serve the Services
 * API under `/services/v2` and the console under `/secure/` (docs/certcentral-api.md "Transport").
 * No imports: the manifest (wxt.config.ts), the content script and the background all read it.
 */
export const REGIONS = ['us', 'eu'] as const;
export type Region = (typeof REGIONS)[number];

/** Each region's host name. */
export const CERTCENTRAL_HOSTS: Readonly<Record<Region, string>> = {
  us: 'www.digicert.com',
  eu: 'certcentral.digicert.eu',
};

/** `https://<host>`, no trailing slash. */
export function regionOrigin(region: Region): string {
  return `https://${CERTCENTRAL_HOSTS[region]}`;
}

/** The match pattern for a region's host access (permissions and host_permissions). */
export function regionHostPattern(region: Region): string {
  return `${regionOrigin(region)}/*`;
}

/** The match pattern for a region's console pages (where the content script runs). */
export function consolePattern(region: Region): string {
  return `${regionOrigin(region)}/secure/*`;
}

/** The region whose host this is, if any. */
export function regionOfHost(host: string): Region | undefined {
  return REGIONS.find((region) => CERTCENTRAL_HOSTS[region] === host);
}

export function isRegion(value: unknown): value is Region {
  return (REGIONS as readonly unknown[]).includes(value);
}
