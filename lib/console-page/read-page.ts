/**
 * Page readers: which CertCentral order ids a console page shows. Pure functions of a URL or a
 * document; the page is hostile input, so they read text and attributes only (never execute or
 * insert page HTML) and accept digit ids only. What they find is a hint: the background confirms
 * every id with `GET /order/certificate/{id}` before using it: a page can only suggest.
 *
 * Test URLs (CertCentral console, docs/certcentral-api.md "console pages"; the EU console uses the same
 * paths on certcentral.digicert.eu):
 *   https://www.digicert.com/secure/orders/                 orders list ("Order #" column links)
 *   https://www.digicert.com/secure/orders/12345678         an order, path form
 *   https://www.digicert.com/secure/orders/#12345678        an order, older hash route
 *   https://certcentral.digicert.eu/secure/orders/12345678  an order, EU console
 *   https://www.digicert.com/secure/requests/               pending requests (no order id)
 */
import { CERTCENTRAL_HOSTS } from '../region';

/** CertCentral order ids are positive integers; anything longer than 12 digits is not one. */
const ORDER_ID = /^[1-9][0-9]{0,11}$/;
const CONSOLE_HOSTS = new Set(Object.values(CERTCENTRAL_HOSTS));
/** The background refuses a report with more ids than this (lib/messaging/, reportPageOrders). */
export const MAX_REPORTED_IDS = 5000;
/** A heading longer than this is not "Order #N"; skip it before matching. */
const MAX_HEADING = 40;

function toOrderId(text: string): number | null {
  return ORDER_ID.test(text) ? Number(text) : null;
}

function consoleUrl(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && CONSOLE_HOSTS.has(url.hostname) ? url : null;
}

/** True for a CertCentral console page (where the content script runs). */
export function isConsolePage(href: string): boolean {
  return consoleUrl(href)?.pathname.startsWith('/secure/') ?? false;
}

export function readOrderIdFromUrl(href: string): number | null {
  const url = consoleUrl(href);
  if (!url) return null;
  const path = url.pathname.match(/^\/secure\/orders\/([^/]+)\/?$/);
  if (path?.[1]) return toOrderId(path[1]);
  if (/^\/secure\/orders\/?$/.test(url.pathname)) {
    const hash = url.hash.match(/^#\/?([^/?]+)/);
    if (hash?.[1]) return toOrderId(hash[1]);
  }
  return null;
}

/** Order details headings: "Order #N" exactly (whitespace around is fine, nothing else). */
export function readHeadingIds(doc: Document): number[] {
  const ids: number[] = [];
  for (const heading of Array.from(doc.querySelectorAll('h1, h2'))) {
    const text = heading.textContent ?? '';
    if (text.length > MAX_HEADING) continue;
    const match = text.trim().match(/^Order #\s*([0-9]+)$/);
    const id = match?.[1] ? toOrderId(match[1]) : null;
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** The orders list's "Order #" links (any link to an order on a console host). */
export function readLinkIds(doc: Document, pageUrl: string): number[] {
  const ids: number[] = [];
  for (const link of Array.from(doc.querySelectorAll('a[href*="/secure/orders/"]'))) {
    let href: string;
    try {
      // Resolved against the page's own URL, not a <base> the page may have planted.
      href = new URL(link.getAttribute('href') ?? '', pageUrl).href;
    } catch {
      continue;
    }
    const id = readOrderIdFromUrl(href);
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** Ids the document shows (not its URL): headings first, then the list's links; each once. */
export function readOrderIdsFromDocument(doc: Document, pageUrl: string): number[] {
  return combine(null, doc, pageUrl);
}

/**
 * Everything a console page suggests, the page's own order first: the URL's id, then headings,
 * then the list's links in ascending order (so a re-sorted table reads the same), each id once.
 */
export function readPageOrderIds(doc: Document, pageUrl: string): number[] {
  return combine(readOrderIdFromUrl(pageUrl), doc, pageUrl);
}

function combine(fromUrl: number | null, doc: Document, pageUrl: string): number[] {
  const first = new Set<number>(fromUrl === null ? [] : [fromUrl]);
  for (const id of readHeadingIds(doc)) first.add(id);
  const rest = readLinkIds(doc, pageUrl)
    .filter((id) => !first.has(id))
    .sort((a, b) => a - b);
  const ids = [...first];
  for (const id of rest) if (ids[ids.length - 1] !== id) ids.push(id);
  return ids.slice(0, MAX_REPORTED_IDS);
}
