/**
 * The order history in the options page: cancel a pending order, export the history, and a card
 * payment whose card number and CVV are never stored anywhere the extension writes.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCsr, validEvOrderBody } from '../sandbox/client';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { callBackground, waitForSubmission } from '../support/extension-calls';

const CARD_NUMBER = '4111111111111111';
const CVV = 7319;
let sandbox: Sandbox;
let browser: ExtensionBrowser;
let page: Page;
let csr: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  csr = await makeTestCsr('history.example.com');
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function submit(commonName: string, changes: Record<string, unknown> = {}) {
  const body = { ...validEvOrderBody(csr, commonName), ...changes };
  body.certificate = { ...(body.certificate as object), common_name: commonName, dns_names: [commonName] };
  const reply = await callBackground(page, 'submitOrder', {
    product: 'ssl_ev_securesite_pro',
    request: body,
  });
  if (!reply.ok || !reply.value.accepted) throw new Error(`not accepted: ${JSON.stringify(reply)}`);
  return reply.value.submission;
}

/** Every record in the extension origin's IndexedDB and storage areas, as text. */
async function everythingStored(): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? '');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        dump.push(...all);
      }
      db.close();
    }
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: { local: { get(k: null): Promise<unknown> }; session: { get(k: null): Promise<unknown> } };
      };
    };
    dump.push(await chrome.storage.local.get(null), await chrome.storage.session.get(null));
    // Binary values (the key record's ciphertext and random padding) are not text a card could be
    // stored as; written out digit by digit they would match any number by chance.
    return JSON.stringify(dump, (_key, v) =>
      v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '[bytes]' : v,
    );
  });
}

describe('order history', () => {
  it('cancels a still-pending order from the options page', async () => {
    const submission = await submit('cancel-me.example.com');
    const placed = await waitForSubmission(page, submission.id, (s) => s.state === 'placed');
    await page.reload();
    const item = page.getByRole('listitem', { name: /cancel-me\.example\.com/ });
    await item.getByRole('button', { name: 'Cancel order…' }).click();
    await item.getByRole('button', { name: 'Cancel order', exact: true }).click();
    await waitForSubmission(page, submission.id, (s) => s.orderStatus === 'canceled');
    expect(sandbox.state.orders.find((o) => o.id === placed.orderId)?.status).toBe('canceled');
    const cancel = sandbox.requestLog.find(
      (e) => e.method === 'PUT' && e.path.endsWith(`/${placed.orderId}/status`),
    );
    expect(cancel?.body).toMatchObject({ status: 'canceled' });
  });

  it('pays by card without storing the card number or CVV anywhere', async () => {
    const submission = await submit('card.example.com', {
      payment_method: 'card',
      credit_card: {
        number: CARD_NUMBER,
        expiration_month: 12,
        expiration_year: 2031,
        cvv: CVV,
        cardholder_name: 'Jane Doe',
      },
      billing_address: { address: '1 Main St', city: 'Lehi', state: 'Utah', country: 'US', zip: '84043' },
    });
    await waitForSubmission(page, submission.id, (s) => s.state === 'placed');
    const post = sandbox.requestLog.find(
      (e) =>
        e.method === 'POST' &&
        (e.body as { alternative_order_id?: string })?.alternative_order_id === submission.id,
    );
    // CertCentral got the card; the extension kept none of it.
    expect(JSON.stringify(post?.body)).toContain(CARD_NUMBER);
    const stored = await everythingStored();
    expect(stored).toContain('card.example.com');
    expect(stored).not.toContain(CARD_NUMBER);
    expect(stored).not.toContain(String(CVV));
    expect(stored).not.toContain('credit_card');
  });

  it('exports the whole history as JSON, without card data', async () => {
    await page.reload();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export history (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certcentral-orders-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(text);
    const names = JSON.stringify(exported);
    expect(names).toContain('cancel-me.example.com');
    expect(names).toContain('card.example.com');
    expect(text).not.toContain(CARD_NUMBER);
  });

  it('filters the history by text and status', async () => {
    await page.reload();
    const list = page.getByRole('list', { name: 'Order history' });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(2);
    await page.getByLabel('Search orders').fill('card.example');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Search orders').fill('');
    await page.getByLabel('Order status').selectOption('ended');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await expect(list.getByRole('listitem').textContent()).resolves.toContain('cancel-me.example.com');
  });
});
