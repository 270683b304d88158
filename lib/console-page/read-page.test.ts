// @vitest-environment happy-dom
/**
 * Test URLs (CertCentral console, docs/certcentral-api.md "console pages"):
 *   https://www.digicert.com/secure/orders/                 orders list
 *   https://www.digicert.com/secure/orders/12345678         an order, path form
 *   https://www.digicert.com/secure/orders/#12345678        an order, older hash route
 *   https://certcentral.digicert.eu/secure/orders/12345678  an order, EU console
 *   https://www.digicert.com/secure/requests/               pending requests (no order id)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isConsolePage,
  MAX_REPORTED_IDS,
  readOrderIdFromUrl,
  readOrderIdsFromDocument,
  readPageOrderIds,
} from './read-page';

const LIST_URL = 'https://www.digicert.com/secure/orders/';

describe('readOrderIdFromUrl', () => {
  it.each([
    ['https://www.digicert.com/secure/orders/12345678', 12345678],
    ['https://www.digicert.com/secure/orders/12345678/', 12345678],
    ['https://www.digicert.com/secure/orders/12345678?tab=details', 12345678],
    ['https://www.digicert.com/secure/orders/#12345678', 12345678],
    ['https://www.digicert.com/secure/orders/#/12345678', 12345678],
    ['https://www.digicert.com/secure/orders#12345678', 12345678],
    ['https://certcentral.digicert.eu/secure/orders/987', 987],
    ['https://certcentral.digicert.eu/secure/orders/#987', 987],
    ['https://WWW.DIGICERT.COM/secure/orders/42', 42],
    ['https://www.digicert.com/secure/orders/', null],
    ['https://www.digicert.com/secure/orders/abc', null],
    ['https://www.digicert.com/secure/orders/0123', null],
    ['https://www.digicert.com/secure/orders/0', null],
    ['https://www.digicert.com/secure/orders/-5', null],
    ['https://www.digicert.com/secure/orders/1234567890123', null],
    ['https://www.digicert.com/secure/orders/99999999999999999999', null],
    ['https://www.digicert.com/secure/orders/%31%32', null],
    ['https://www.digicert.com/secure/orders/#12345678<script>', null],
    ['https://www.digicert.com/secure/orders/#1234\u200b5678', null],
    ['https://www.digicert.com/secure/orders/#\u202e12345678', null],
    ['https://www.digicert.com/secure/orders/12345678/certificate', null],
    ['https://www.digicert.com/secure/orders/other#12345678', null],
    ['http://www.digicert.com/secure/orders/12345678', null],
    ['https://evil.example/secure/orders/12345678', null],
    ['https://www.digicert.com.evil.example/secure/orders/12345678', null],
    ['https://www.digicert.com@evil.example/secure/orders/12345678', null],
    ['https://www.digicert.com./secure/orders/12345678', null],
    ['https://www.digícert.com/secure/orders/12345678', null],
    ['https://www.digicert.com/secure/requests/12345678', null],
    ['javascript:alert(1)//https://www.digicert.com/secure/orders/1', null],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (url, expected) => {
    expect(readOrderIdFromUrl(url)).toBe(expected);
  });
});

describe('isConsolePage', () => {
  it.each([
    ['https://www.digicert.com/secure/orders/', true],
    ['https://certcentral.digicert.eu/secure/', true],
    ['https://www.digicert.com/', false],
    ['https://www.digicert.com/secure', false],
    ['https://example.com/secure/orders/', false],
    ['chrome://newtab/', false],
  ])('%s → %s', (url, expected) => {
    expect(isConsolePage(url)).toBe(expected);
  });
});

function doc(html: string): Document {
  // DOMParser builds an inert document: its scripts never run and nothing is fetched.
  return new DOMParser().parseFromString(html, 'text/html');
}
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'testing', name), 'utf8');

describe('readPageOrderIds on fixture pages', () => {
  it.each([
    ['order-details.html', 'https://www.digicert.com/secure/orders/10000001', [10000001, 10000010]],
    ['order-details.html', 'https://www.digicert.com/secure/orders/#10000001', [10000001, 10000010]],
    // Relative links resolve against the EU host, which is a console host too.
    ['order-details.html', 'https://certcentral.digicert.eu/secure/orders/10000001', [10000001, 10000010]],
    ['orders-list.html', LIST_URL, [10000001, 10000002, 10000003]],
    ['orders-list.html', `${LIST_URL}#10000003`, [10000003, 10000001, 10000002]],
    ['no-order.html', 'https://www.digicert.com/secure/dashboard', []],
    ['hostile.html', 'https://www.digicert.com/secure/orders/', [20000001, 20000002]],
  ])('%s at %s → %j', (name, url, expected) => {
    expect(readPageOrderIds(doc(fixture(name)), url)).toEqual(expected);
  });

  it('puts the page’s own order first, then the links in ascending order, each once', () => {
    const html = '<a href="/secure/orders/30">a</a><a href="/secure/orders/20">b</a><h1>Order #40</h1>';
    expect(readPageOrderIds(doc(html), `${LIST_URL}20`)).toEqual([20, 40, 30]);
  });

  it('reads the document alone without the URL', () => {
    expect(readOrderIdsFromDocument(doc('<h1>Order #7</h1>'), `${LIST_URL}8`)).toEqual([7]);
  });
});

describe('hostile headings', () => {
  it.each([
    ['<h1>Order #12<img src=x onerror=alert(1)></h1>', [12]],
    ['<h1>Order #12<script>alert(1)</script></h1>', []],
    ['<h1>  Order #\n 12  </h1>', [12]],
    ['<h1>Order #-5</h1>', []],
    ['<h1>Order #1\u200b2</h1>', []],
    ['<h1>Order #\u202e21</h1>', []],
    ['<h1 dir="rtl">Order #\u2067123\u2069</h1>', []],
    ['<h1>Order #１２</h1>', []],
    ['<h1>Order #12 and 13</h1>', []],
    ['<h1>Order #1234567890123</h1>', []],
    [`<h1>Order #${'9'.repeat(100_000)}</h1>`, []],
    ['<p>Order #99</p><h3>Order #98</h3>', []],
    ['<div><h1><span>Order</span> <b>#33</b></h1></div>', [33]],
    ['<template><h1>Order #44</h1></template>', []],
  ])('%s → %j', (html, expected) => {
    expect(readPageOrderIds(doc(html), LIST_URL)).toEqual(expected);
  });

  it('ignores a nested heading whose text runs together', () => {
    const page = doc('<h1 id="outer">Order #1</h1>');
    const inner = page.createElement('h2');
    inner.textContent = 'Order #2';
    page.getElementById('outer')?.append(inner);
    expect(readPageOrderIds(page, LIST_URL)).toEqual([2]);
  });
});

describe('large lists', () => {
  const rows = (n: number, from = 90000001) =>
    Array.from(
      { length: n },
      (_, i) => `<tr><td><a href="/secure/orders/${from + i}">${from + i}</a></td></tr>`,
    );

  it('reads thousands of rows', () => {
    const ids = readPageOrderIds(doc(`<table>${rows(3000).join('')}</table>`), LIST_URL);
    expect(ids).toHaveLength(3000);
    expect(ids[0]).toBe(90000001);
  });

  it('reports at most what the background accepts', () => {
    const ids = readPageOrderIds(doc(`<table>${rows(MAX_REPORTED_IDS + 50).join('')}</table>`), LIST_URL);
    expect(ids).toHaveLength(MAX_REPORTED_IDS);
  });
});
