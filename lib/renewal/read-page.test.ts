// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readOrderIdFromUrl, readOrderIdsFromDocument } from './read-page';

describe('readOrderIdFromUrl', () => {
  it.each([
    ['https://www.digicert.com/secure/orders/12345678', 12345678],
    ['https://www.digicert.com/secure/orders/12345678/', 12345678],
    ['https://www.digicert.com/secure/orders/#12345678', 12345678],
    ['https://www.digicert.com/secure/orders#12345678', 12345678],
    ['https://certcentral.digicert.eu/secure/orders/987', 987],
    ['https://www.digicert.com/secure/orders/', null],
    ['https://www.digicert.com/secure/orders/abc', null],
    ['https://www.digicert.com/secure/orders/0123', null],
    ['https://www.digicert.com/secure/orders/1234567890123', null],
    ['https://www.digicert.com/secure/orders/#12345678<script>', null],
    ['http://www.digicert.com/secure/orders/12345678', null],
    ['https://evil.example/secure/orders/12345678', null],
    ['https://www.digicert.com.evil.example/secure/orders/12345678', null],
    ['https://www.digicert.com/secure/requests/12345678', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(readOrderIdFromUrl(url)).toBe(expected);
  });
});

const LIST_URL = 'https://www.digicert.com/secure/orders/';

function read(html: string): number[] {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return readOrderIdsFromDocument(doc, LIST_URL);
}

describe('readOrderIdsFromDocument', () => {
  it('reads an order details heading', () => {
    expect(read('<h1>Order #10000001</h1>')).toEqual([10000001]);
  });

  it('reads the order links of the orders list, once each', () => {
    const html =
      '<table><tr><td><a href="/secure/orders/11">11</a></td><td><a href="/secure/orders/12">12</a></td><td><a href="/secure/orders/11">again</a></td></tr></table>';
    expect(read(html)).toEqual([11, 12]);
  });

  it('ignores hostile and unrelated content', () => {
    const html = [
      '<h1>Order #12<img src=x onerror=alert(1)></h1>',
      '<h1>Order #-5</h1>',
      '<a href="https://evil.example/secure/orders/77">77</a>',
      '<a href="javascript:alert(1)//secure/orders/78">78</a>',
      '<p>Order #99 in a paragraph is not a heading</p>',
    ].join('');
    expect(read(html)).toEqual([12]);
  });

  it('finds nothing on a page with no order', () => {
    expect(read('<h1>Dashboard</h1><a href="/secure/reports">Reports</a>')).toEqual([]);
  });
});
