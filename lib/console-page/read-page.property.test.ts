// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isConsolePage,
  MAX_REPORTED_IDS,
  readOrderIdFromUrl,
  readOrderIdsFromDocument,
  readPageOrderIds,
} from './read-page';

/**
 * The page readers on any URL and any page: they never throw, and what comes out is only ever an
 * order id as CertCentral writes it (1 to 12 digits, no leading zero), each once, never too many.
 */
const RUNS = { seed: 42, numRuns: 1000 };
const ORDER_ID = /^[1-9][0-9]{0,11}$/;
const CONSOLE_HOSTS = ['www.digicert.com', 'certcentral.digicert.eu'];

function expectOrderId(id: number): void {
  expect(Number.isSafeInteger(id)).toBe(true);
  expect(String(id)).toMatch(ORDER_ID);
}

function expectIds(ids: number[]): void {
  ids.forEach(expectOrderId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeLessThanOrEqual(MAX_REPORTED_IDS);
}

/** Digits as a page may show them: ASCII, too long, zero-led, full-width, with invisible characters. */
const digits = fc.oneof(
  fc.stringMatching(/^[0-9]{1,20}$/),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(String),
  fc.constantFrom('０１２', '١٢٣', '1\u200b2', '\u202e12', '1e5', '0x1F', '12.0', ' 12 ', '%31%32'),
);
const host = fc.constantFrom(
  ...CONSOLE_HOSTS,
  'WWW.DIGICERT.COM',
  'www.digicert.com.',
  'www.digicert.com.evil.example',
  'evil.example',
  'www.digicert.com@evil.example',
);
const consoleLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'javascript:', ''),
    host,
    fc.constantFrom('/secure/orders/', '/secure/orders', '/secure/requests/', '/secure/', '/'),
    fc.oneof(digits, fc.string({ maxLength: 12 })),
    fc.constantFrom('', '/', '#', '#/', '?tab=1#', '/certificate'),
    fc.oneof(digits, fc.constant('')),
  )
  .map((parts) => parts.join(''));
/** An order page's URL, path or hash form, with any digits. */
const orderUrl = fc
  .tuple(fc.constantFrom(...CONSOLE_HOSTS), fc.constantFrom('/secure/orders/', '/secure/orders/#'), digits)
  .map(([h, path, id]) => `https://${h}${path}${id}`);
const url = fc.oneof(
  orderUrl,
  consoleLike,
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.string(),
);

/** A link or heading that may well name an order, so the readers find ids, not only nothing. */
const likely = fc
  .tuple(
    fc.constantFrom(
      '<a href="/secure/orders/',
      '<a href="https://www.digicert.com/secure/orders/#',
      '<h1>Order #',
    ),
    digits,
    fc.constantFrom('">x</a>', '</h1>', '</h2>', ''),
  )
  .map((parts) => parts.join(''));
/** HTML-ish text: headings, links and order words mixed with anything. */
const html = fc
  .array(
    fc.oneof(
      likely,
      fc.constantFrom('<h1>', '</h1>', '<h2>', '</h2>', '<a href="', '">', '</a>', '<template>', '<script>'),
      fc.constantFrom('Order #', 'Order # ', '/secure/orders/', '/secure/orders/#', 'https://'),
      host,
      digits,
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('page readers on any URL and any page', () => {
  it('read a URL into an order id of the console or nothing', () => {
    let found = 0;
    fc.assert(
      fc.property(url, (href) => {
        const id = readOrderIdFromUrl(href);
        expect(typeof isConsolePage(href)).toBe('boolean');
        if (id === null) return;
        found += 1;
        expectOrderId(id);
        const parsed = new URL(href);
        expect(parsed.protocol).toBe('https:');
        expect(CONSOLE_HOSTS).toContain(parsed.hostname);
      }),
      RUNS,
    );
    expect(found).toBeGreaterThan(20);
  });

  it('read a page into order ids only', () => {
    let found = 0;
    fc.assert(
      fc.property(html, url, (text, pageUrl) => {
        const page = new DOMParser().parseFromString(text, 'text/html');
        const ids = readPageOrderIds(page, pageUrl);
        expectIds(ids);
        expectIds(readOrderIdsFromDocument(page, pageUrl));
        if (ids.length > 0) found += 1;
      }),
      RUNS,
    );
    // Not vacuous: many generated pages do name orders.
    expect(found).toBeGreaterThan(20);
  });
});
