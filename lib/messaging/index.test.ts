import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isAllowedSender, type Sender } from './index';
import { protocol } from './protocol';
import { answerMessage, handleMessage, watchAnswers } from './receive';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const CONSOLE = 'https://www.digicert.com/secure/orders/1';

describe('isAllowedSender', () => {
  it.each([
    ['extension-page', { id: ID, url: `${ORIGIN}options.html` }, true],
    ['extension-page', { id: ID, url: `${ORIGIN}popup.html`, tab: { id: 3 } }, true],
    ['extension-page', { id: ID, url: CONSOLE, frameId: 0, tab: { id: 3 } }, false],
    [
      'extension-page',
      { id: 'another-extension', url: `chrome-extension://another-extension/x.html` },
      false,
    ],
    // Another extension claiming our id in its URL only, or ours claiming another's pages.
    ['extension-page', { id: 'another-extension', url: `${ORIGIN}options.html` }, false],
    ['extension-page', { id: ID, url: 'chrome-extension://another-extension/x.html' }, false],
    ['extension-page', { id: ID, url: `https://${ID}/options.html` }, false],
    ['extension-page', { id: ID }, false],
    ['extension-page', { url: `${ORIGIN}options.html` }, false],
    ['content-script', { id: ID, url: CONSOLE, frameId: 0, tab: { id: 3 } }, true],
    [
      'content-script',
      { id: ID, url: 'https://certcentral.digicert.eu/secure/orders/', frameId: 0, tab: { id: 3 } },
      true,
    ],
    ['content-script', { id: 'another-extension', url: CONSOLE, frameId: 0, tab: { id: 3 } }, false],
    ['content-script', { id: ID, url: CONSOLE, frameId: 0 }, false],
    ['content-script', { id: ID, url: CONSOLE, frameId: 5, tab: { id: 3 } }, false],
    ['content-script', { id: ID, url: CONSOLE, tab: { id: 3 } }, false],
    [
      'content-script',
      { id: ID, url: 'https://evil.example/secure/orders/1', frameId: 0, tab: { id: 3 } },
      false,
    ],
    ['content-script', { id: ID, url: 'https://www.digicert.com/blog/', frameId: 0, tab: { id: 3 } }, false],
    ['content-script', { id: ID, url: 'http://www.digicert.com/secure/', frameId: 0, tab: { id: 3 } }, false],
    ['content-script', { id: ID, url: `${ORIGIN}options.html`, frameId: 0, tab: { id: 3 } }, false],
  ] as const)('%s from %j → %s', (policy, sender, allowed) => {
    expect(isAllowedSender(policy, sender, ID, ORIGIN)).toBe(allowed);
  });
});

/**
 * handleMessage as the background runs it: messages are answered through `answerMessage`, which the
 * worker's runtime.onMessage listener calls, with senders as the browser would describe them. The
 * extension's id and URL are the fake browser's.
 */
describe('handleMessage', () => {
  const SELF = 'test-extension-id';
  const SELF_PAGE = `chrome-extension://${SELF}/popup.html`;
  const saveApiKey = vi.fn(async () => ({ ok: false as const, error: { title: 'unused' } }));
  const reportPageOrders = vi.fn(async () => {});

  beforeAll(() => {
    handleMessage('saveApiKey', saveApiKey as never);
    handleMessage('reportPageOrders', reportPageOrders);
  });

  async function deliver(type: string, data: unknown, sender: Sender) {
    const answer = answerMessage({ id: 1, type, data, timestamp: Date.now() }, sender);
    if (!answer) throw new Error(`No handler answered "${type}".`);
    return (await answer) as { res?: unknown; err?: { message: string } };
  }
  const key = { apiKey: 'attacker-key', region: 'eu' };

  it('acts on a message from the extension’s own page', async () => {
    expect(await deliver('saveApiKey', key, { id: SELF, url: SELF_PAGE })).toHaveProperty('res');
    expect(saveApiKey).toHaveBeenCalledTimes(1);
    saveApiKey.mockClear();
  });

  it('refuses a message whose sender is another extension, even from a page named like ours', async () => {
    const reply = await deliver('saveApiKey', key, { id: 'another-extension', url: SELF_PAGE });
    expect(reply.err?.message).toMatch(/^Refused "saveApiKey"/);
    expect(saveApiKey).not.toHaveBeenCalled();
  });

  it('refuses an extension-page message from the content script (a console tab)', async () => {
    const reply = await deliver('saveApiKey', key, { id: SELF, url: CONSOLE, frameId: 0, tab: { id: 4 } });
    expect(reply.err?.message).toMatch(/^Refused "saveApiKey"/);
    expect(saveApiKey).not.toHaveBeenCalled();
  });

  it('refuses a page report from a tab whose URL is not a console page', async () => {
    const sender = { id: SELF, url: 'https://evil.example/secure/orders/1', frameId: 0, tab: { id: 4 } };
    const reply = await deliver('reportPageOrders', { orderIds: [1] }, sender);
    expect(reply.err?.message).toMatch(/^Refused "reportPageOrders"/);
    expect(reportPageOrders).not.toHaveBeenCalled();
  });

  it('passes a console page’s report on without the URL it claims', async () => {
    const sender = { id: SELF, url: CONSOLE, frameId: 0, tab: { id: 4 } };
    const claimed = { orderIds: [1], url: 'https://www.digicert.com/secure/orders/2' };
    expect(await deliver('reportPageOrders', claimed, sender)).toHaveProperty('res');
    expect(reportPageOrders).toHaveBeenCalledWith({ orderIds: [1] }, sender);
  });

  it('does not answer what is not a protocol message, or a type it has no handler for', () => {
    const sender = { id: SELF, url: SELF_PAGE };
    expect(answerMessage('getSettings', sender)).toBeUndefined();
    expect(answerMessage({ type: 'saveApiKey' }, sender)).toBeUndefined();
    expect(answerMessage({ type: 'listSubmissions', timestamp: 1 }, sender)).toBeUndefined();
  });

  it('answers a failed handler with the error’s name, message and stack, as the pages’ messenger reads it', async () => {
    saveApiKey.mockRejectedValueOnce(new TypeError('broken'));
    const reply = await deliver('saveApiKey', key, { id: SELF, url: SELF_PAGE });
    expect(reply.err).toMatchObject({ name: 'TypeError', message: 'broken' });
    expect(typeof (reply.err as { stack?: unknown }).stack).toBe('string');
    saveApiKey.mockClear();
  });

  it('shows the background every answer as it starts, refused ones included', async () => {
    const answers: Promise<unknown>[] = [];
    watchAnswers((answer) => answers.push(answer));
    await deliver(
      'reportPageOrders',
      { orderIds: [1] },
      { id: SELF, url: CONSOLE, frameId: 0, tab: { id: 4 } },
    );
    await deliver('saveApiKey', key, { id: 'another-extension', url: SELF_PAGE });
    watchAnswers(() => undefined);
    expect(answers).toHaveLength(2);
    await expect(answers[0]).resolves.toBeUndefined();
    await expect(answers[1]).rejects.toThrow(/^Refused "saveApiKey"/);
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
      'protectApiKey',
      'unlockApiKey',
      'lockApiKey',
      'unprotectApiKey',
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
      'getValidation',
      'checkDcv',
      'newDcvToken',
      'changeDcvMethod',
      'resendDcvEmails',
      'listTeamOrders',
      'runAlertCheck',
      'getNeedsYou',
      'getAlertSettings',
      'saveAlertSettings',
      'snoozeOrder',
      'unsnoozeOrder',
    ]);
  });

  it('refuses page reports with ids that are not positive integers, and drops any URL', () => {
    const report = protocol.reportPageOrders.data;
    expect(report.parse({ url: 'https://evil.example/', orderIds: [1, 2] })).toEqual({ orderIds: [1, 2] });
    expect(report.safeParse({ orderIds: ['1'] }).success).toBe(false);
    expect(report.safeParse({ orderIds: [-1] }).success).toBe(false);
    expect(report.safeParse({ orderIds: [1.5] }).success).toBe(false);
  });

  it('bounds the passphrase (12 to 1024 characters) and the idle time (1 to 1440 minutes)', () => {
    const protect = protocol.protectApiKey.data;
    expect(protect.safeParse({ passphrase: 'x'.repeat(12), idleMinutes: 15 }).success).toBe(true);
    expect(protect.safeParse({ passphrase: 'x'.repeat(11), idleMinutes: 15 }).success).toBe(false);
    expect(protect.safeParse({ passphrase: 'x'.repeat(1025), idleMinutes: 15 }).success).toBe(false);
    expect(protect.safeParse({ passphrase: 'x'.repeat(12), idleMinutes: 0 }).success).toBe(false);
    expect(protect.safeParse({ passphrase: 'x'.repeat(12), idleMinutes: 1441 }).success).toBe(false);
    expect(protect.safeParse({ passphrase: 'x'.repeat(12), idleMinutes: 1.5 }).success).toBe(false);
    expect(protocol.unlockApiKey.data.safeParse({ passphrase: 'short' }).success).toBe(false);
  });

  it('refuses an unknown region', () => {
    expect(protocol.setRegion.data.safeParse({ region: 'asia' }).success).toBe(false);
  });
});
