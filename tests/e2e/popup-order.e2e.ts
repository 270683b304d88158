/**
 * The popup's order flow on the production build against the sandbox: pick a template, fill what it
 * asks, paste a real CSR made in the test, review the exact body, place the order, and find exactly
 * that body in the sandbox's request log. Also: the draft survives closing the popup, and a refusal
 * by CertCentral brings the filled form back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from './browser';
import { callBackground, waitForSubmission } from './extension-calls';

const TEMPLATE_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ORDER_PATH = '/services/v2/order/certificate/ssl_ev_securesite_pro';

function evTemplate(organizationId: number) {
  const now = new Date().toISOString();
  return {
    id: TEMPLATE_ID,
    name: 'Web EV (sandbox)',
    product: 'ssl_ev_securesite_pro',
    organizationName: 'Sandbox Corp',
    createdAt: now,
    updatedAt: now,
    useCount: 0,
    fields: {
      'certificate.common_name': { source: 'csr' },
      'certificate.dns_names': { source: 'csr' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
      'order_validity.years': { source: 'asked', default: 1, label: 'Years of coverage' },
      'organization.id': { source: 'fixed', value: organizationId },
      'organization.contacts': { source: 'fixed', value: [{ contact_type: 'ev_approver', user_id: 100002 }] },
      'container.id': { source: 'fixed', value: 50001 },
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-1234' }] },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
      payment_method: { source: 'fixed', value: 'balance' },
      comments: { source: 'asked', optional: true, label: 'Comment for the approver' },
    },
  };
}

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let driver: Page;
let csrPem: string;

async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(browser.extensionUrl('popup.html'));
  return popup;
}

async function storeTemplate(organizationId: number) {
  await driver.evaluate(
    (templates) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        templates,
      }),
    [evTemplate(organizationId)],
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  driver = await browser.context.newPage();
  await driver.goto(browser.extensionUrl('options.html'));
  await callBackground(driver, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  await storeTemplate(60001);
  csrPem = (
    await generateKeyAndCsr({
      commonName: 'shop.example.com',
      dnsNames: ['www.shop.example.com'],
      keyType: 'ECDSA-P256',
    })
  ).csrPem;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('popup order', () => {
  it('places an order from a template in three steps, sending exactly the reviewed body', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).click();
    await popup.getByLabel('Years of coverage').fill('1');
    await popup.getByLabel('Paste the CSR, or drop its file here').fill(csrPem);
    await popup.locator('.csr-facts').getByText('ECDSA P-256').waitFor();
    await expect(popup.locator('.csr-facts').textContent()).resolves.toContain('www.shop.example.com');

    // The draft survives closing the popup.
    await popup.waitForTimeout(400);
    await popup.close();
    const again = await openPopup();
    await again.locator('.csr-facts').getByText('ECDSA P-256').waitFor();
    await expect(again.getByLabel('Years of coverage').inputValue()).resolves.toBe('1');

    await again.getByRole('button', { name: 'Review order' }).click();
    const reviewed = JSON.parse(await again.getByLabel('Request body').inputValue());
    expect(reviewed).toEqual({
      certificate: {
        common_name: 'shop.example.com',
        dns_names: ['www.shop.example.com'],
        csr: csrPem,
        signature_hash: 'sha256',
      },
      order_validity: { years: 1 },
      organization: { id: 60001, contacts: [{ contact_type: 'ev_approver', user_id: 100002 }] },
      container: { id: 50001 },
      custom_fields: [{ metadata_id: 70001, value: 'CC-1234' }],
      dcv_method: 'dns-txt-token',
      payment_method: 'balance',
    });
    await again.getByRole('button', { name: 'Place order' }).click();
    await again.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();

    const findPost = () => sandbox.requestLog.find((e) => e.method === 'POST' && e.path === ORDER_PATH);
    await expect.poll(findPost).toBeDefined();
    const { alternative_order_id: altId, ...sentBody } = (findPost()?.body ?? {}) as Record<string, unknown>;
    expect(sentBody).toEqual(reviewed);
    expect(altId).toMatch(/^[0-9a-f-]{36}$/);
    await waitForSubmission(driver, String(altId), (s) => s.state === 'placed');
    await again.close();
  });

  it('brings the filled form back when CertCentral refuses the order', async () => {
    await storeTemplate(69999); // an organization this account does not have: the model accepts it, CertCentral does not
    const popup = await openPopup();
    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).click();
    await popup.getByLabel('Paste the CSR, or drop its file here').fill(csrPem);
    await popup.locator('.csr-facts').getByText('ECDSA P-256').waitFor();
    await popup.getByLabel('Comment for the approver').fill('Please approve quickly');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'CertCentral did not take the order' }).waitFor();
    await expect(popup.locator('main').textContent()).resolves.toContain('organization.id');
    await popup.getByRole('button', { name: 'Back to the form' }).click();
    await expect(popup.getByLabel('Comment for the approver').inputValue()).resolves.toBe(
      'Please approve quickly',
    );
    await expect(popup.getByLabel('Paste the CSR, or drop its file here').inputValue()).resolves.toBe(csrPem);
    await popup.close();
  });
});
