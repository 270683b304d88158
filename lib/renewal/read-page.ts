/**
 * Page readers: which CertCentral order ids a console page shows. Pure functions of a URL or a
 * document; the page is hostile input, so they read text only and accept digit ids only.
 *
 * Test URLs (CertCentral console; the EU console uses the same paths on certcentral.digicert.eu):
 *   https://www.digicert.com/secure/orders/                 orders list ("Order #" column links)
 *   https://www.digicert.com/secure/orders/12345678         an order, path form
 *   https://www.digicert.com/secure/orders/#12345678        an order, older hash route
 *   https://certcentral.digicert.eu/secure/orders/12345678  an order, EU console
 */

/** CertCentral order ids are positive integers; anything longer than 12 digits is not one. */
const ORDER_ID = /^[1-9][0-9]{0,11}$/;
const CONSOLE_HOSTS = new Set(['www.digicert.com', 'certcentral.digicert.eu']);

function toOrderId(text: string): number | null {
  return ORDER_ID.test(text) ? Number(text) : null;
}

export function readOrderIdFromUrl(href: string): number | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !CONSOLE_HOSTS.has(url.hostname)) return null;
  const path = url.pathname.match(/^\/secure\/orders\/([^/]+)\/?$/);
  if (path?.[1]) return toOrderId(path[1]);
  if (/^\/secure\/orders\/?$/.test(url.pathname)) {
    const hash = url.hash.match(/^#\/?([^/?]+)/);
    if (hash?.[1]) return toOrderId(hash[1]);
  }
  return null;
}

/** Ids the page shows: an order details heading "Order #N" and the orders list's order links. */
export function readOrderIdsFromDocument(doc: Document, pageUrl: string): number[] {
  const ids = new Set<number>();
  for (const heading of Array.from(doc.querySelectorAll('h1, h2'))) {
    const match = heading.textContent?.trim().match(/^Order #\s*([0-9]+)$/);
    const id = match?.[1] ? toOrderId(match[1]) : null;
    if (id !== null) ids.add(id);
  }
  for (const link of Array.from(doc.querySelectorAll('a[href*="/secure/orders/"]'))) {
    let href: string;
    try {
      href = new URL(link.getAttribute('href') ?? '', pageUrl).href;
    } catch {
      continue;
    }
    const id = readOrderIdFromUrl(href);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}
