// Name helpers shared by subject.ts and compare.ts. Deliberately loose (warnings and choices only):
// the order's validation in lib/order has the full host-name rules.

// Labels of letters, digits, hyphens and underscores, an optional leading "*.", a TLD starting with a letter.
const HOST_NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// One character class and a separate test for the colon: linear, where `[0-9a-f:]*:[0-9a-f:.]*`
// backtracks quadratically on a long run of colons.
const IPV6_CHARS = /^[0-9a-f:.]+$/i;

export const looksLikeHostName = (name: string): boolean => HOST_NAME.test(name);
export const looksLikeIpAddress = (name: string): boolean =>
  IPV4.test(name) || (name.includes(':') && IPV6_CHARS.test(name));

/** DNS names are case-insensitive and "example.com." is "example.com": compare and store them so. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
