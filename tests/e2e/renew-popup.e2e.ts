/**
 * Renewing the order on the open CertCentral page from the popup, on the production build against
 * the sandbox's console pages: the popup confirms the order through the API, offers a template, and
 * the order that reaches the sandbox names the renewed order (renewal_of_order_id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from './browser';
import { callBackground } from './extension-calls';

const ORDER_PATH = '/services/v2/order/certificate/ssl_ev_securesite_pro';
const RENEWED = 10000001;
let sandbox: Sandbox;
let browser: ExtensionBrowser;

const renewalTemplate = () => {
  const now = new Date().toISOString();
  return {
    id: '7a1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    name: 'EV renewal (names from the order)',
    product: 'ssl_ev_securesite_pro',
    createdAt: now,
    updatedAt: now,
    useCount: 0,
    fields: {
      'certificate.common_name': { source: 'renewal' },
      'certificate.dns_names': { source: 'renewal' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'renewal' },
      'order_validity.years': { source: 'fixed', value: 1 },
      'organization.id': { source: 'renewal' },
      'organization.contacts': { source: 'fixed', value: [{ contact_type: 'ev_approver', user_id: 100002 }] },
      'container.id': { source: 'renewal' },
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-1234' }] },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
    },
  };
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  const driver = await browser.context.newPage();
  await driver.goto(browser.extensionUrl('options.html'));
  await callBackground(driver, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  await driver.evaluate(
    (templates) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        templates,
      }),
    [renewalTemplate()],
  );
  await driver.close();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('renew from the popup', () => {
  it('renews the order on the open CertCentral page, naming it in the new order', async () => {
    const console = await browser.context.newPage();
    await console.goto(`https://www.digicert.com/secure/orders/${RENEWED}`);
    await console.getByRole('heading', { name: `Order #${RENEWED}` }).waitFor();
    const order = sandbox.state.orders.find((o) => o.id === RENEWED);
    if (!order) throw new Error('seed order missing');

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('heading', { name: `Renew order #${RENEWED}` }).waitFor();
    // The page only suggested the id; the popup shows what the API confirmed.
    await popup.getByText(order.common_name, { exact: true }).waitFor();
    await popup.getByRole('button', { name: 'Renew…' }).click();

    const { csrPem } = await generateKeyAndCsr({
      commonName: order.common_name,
      dnsNames: order.dns_names.filter((n) => n !== order.common_name),
      keyType: 'ECDSA-P256',
    });
    await popup.getByLabel('Paste the CSR, or drop its file here').fill(csrPem);
    await popup.locator('.csr-facts').waitFor();
    await popup.getByRole('button', { name: 'Review order' }).click();
    const reviewed = JSON.parse(await popup.getByLabel('Request body').inputValue());
    expect(reviewed).toMatchObject({
      renewal_of_order_id: RENEWED,
      certificate: { common_name: order.common_name, csr: csrPem },
      organization: { id: order.organization_id },
    });
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();

    const findPost = () => sandbox.requestLog.find((e) => e.method === 'POST' && e.path === ORDER_PATH);
    await expect.poll(findPost).toBeDefined();
    const { alternative_order_id: _alt, ...sent } = (findPost()?.body ?? {}) as Record<string, unknown>;
    expect(sent).toEqual(reviewed);
    await expect
      .poll(() => sandbox.state.orders.filter((o) => o.renewal_of_order_id === RENEWED).length)
      .toBe(1);
  });

  it('offers a free reissue for a Multi-year Plan and requests it', async () => {
    const planOrder = 10000004; // a 3-year plan whose certificate expires long before the plan
    const order = sandbox.state.orders.find((o) => o.id === planOrder);
    if (!order) throw new Error('seed order missing');
    const console = await browser.context.newPage();
    await console.goto(`https://www.digicert.com/secure/orders/${planOrder}`);
    await console.getByRole('heading', { name: `Order #${planOrder}` }).waitFor();

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByText('A free reissue may be enough').waitFor();
    await popup.getByRole('button', { name: 'Reissue for free instead…' }).click();
    const { csrPem } = await generateKeyAndCsr({
      commonName: order.common_name,
      dnsNames: order.dns_names.filter((n) => n !== order.common_name),
      keyType: 'ECDSA-P256',
    });
    await popup.getByLabel('Paste the CSR, or drop its file here').fill(csrPem);
    await popup.locator('.csr-facts').waitFor();
    await popup.getByRole('button', { name: 'Request the reissue' }).click();
    await popup.getByText('Reissue requested', { exact: true }).waitFor();
    expect(order.reissues?.length).toBe(1);
    // A reissue is not a new order: nothing was ordered for it.
    expect(sandbox.state.orders.filter((o) => o.renewal_of_order_id === planOrder)).toHaveLength(0);
  });
});
