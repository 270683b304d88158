import { describe, expect, it } from 'vitest';
import { isAllowedSender, protocol } from './messaging';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('isAllowedSender', () => {
  it.each([
    ['extension-page', { id: ID, url: `${ORIGIN}options.html` }, true],
    ['extension-page', { id: ID, url: `${ORIGIN}popup.html`, tab: { id: 3 } }, true],
    ['extension-page', { id: ID, url: 'https://www.digicert.com/secure/orders/', tab: { id: 3 } }, false],
    [
      'extension-page',
      { id: 'another-extension', url: `chrome-extension://another-extension/x.html` },
      false,
    ],
    ['extension-page', { id: ID }, false],
    ['content-script', { id: ID, url: 'https://www.digicert.com/secure/orders/1', tab: { id: 3 } }, true],
    [
      'content-script',
      { id: ID, url: 'https://certcentral.digicert.eu/secure/orders/', tab: { id: 3 } },
      true,
    ],
    ['content-script', { id: ID, url: 'https://www.digicert.com/secure/orders/1' }, false],
    ['content-script', { id: ID, url: 'https://evil.example/secure/orders/1', tab: { id: 3 } }, false],
    ['content-script', { id: ID, url: 'https://www.digicert.com/blog/', tab: { id: 3 } }, false],
    ['content-script', { id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, false],
  ] as const)('%s from %j → %s', (policy, sender, allowed) => {
    expect(isAllowedSender(policy, sender, ID, ORIGIN)).toBe(allowed);
  });
});

describe('protocol', () => {
  it('keeps every message but the page report to the extension pages', () => {
    const fromPages = Object.entries(protocol)
      .filter(([, entry]) => entry.from === 'extension-page')
      .map(([type]) => type);
    expect(fromPages).toEqual([
      'getSettings',
      'saveApiKey',
      'removeApiKey',
      'setRegion',
      'testConnection',
      'submitOrder',
      'listSubmissions',
      'checkSubmissionAgain',
      'cancelSubmittedOrder',
      'acknowledgeSubmission',
      'exportHistory',
      'downloadCertificate',
      'getAccountChoices',
      'getOrganizationDetails',
      'getProductDetails',
      'getPageRenewals',
      'listExpiringOrders',
      'reissueOrder',
      'startBulkRenewal',
      'getBulkRenewal',
      'pauseBulkRenewal',
    ]);
  });

  it('refuses page reports with ids that are not positive integers', () => {
    const report = protocol.reportPageOrders.data;
    expect(
      report.safeParse({ url: 'https://www.digicert.com/secure/orders/', orderIds: [1, 2] }).success,
    ).toBe(true);
    expect(report.safeParse({ url: 'x', orderIds: ['1'] }).success).toBe(false);
    expect(report.safeParse({ url: 'x', orderIds: [-1] }).success).toBe(false);
    expect(report.safeParse({ url: 'x', orderIds: [1.5] }).success).toBe(false);
  });

  it('refuses an unknown region', () => {
    expect(protocol.setRegion.data.safeParse({ region: 'asia' }).success).toBe(false);
  });
});
