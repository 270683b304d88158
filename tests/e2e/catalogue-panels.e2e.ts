/**
 * The catalogue walk (catalogue.e2e.ts) through the views a first visit does not reach: renewing and
 * reissuing from a CertCentral order page, a bulk renewal in progress and finished, importing
 * templates and templates kept aside, error notices (a wrong key, CertCentral failing) and the
 * passphrase prompt. What is visible and not marked translate="no" must be a catalogue message.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import type { StoredOrder } from '../sandbox/state';
import { englishCatalogue, messagePatterns, uncataloguedTexts } from '../support/catalogue-check';
import {
  addRefusedRenewal,
  type Connected,
  leaveOrder,
  openConsoleOrder,
  openPopup,
  pageReported,
  pasteCsr,
  startConnected,
  stopConnected,
} from '../support/setup';
import { evRenewalTemplate, renewalTemplate, storeTemplates } from '../support/stored-templates';

const RENEWED = 10000001;
const PLAN = 10000004; // a Multi-year Plan: the popup offers a free reissue
const PASSPHRASE = 'correct horse battery staple';
const patterns = messagePatterns(englishCatalogue());
let run: Connected;
let options: Page;

beforeAll(async () => {
  run = await startConnected({
    templates: [evRenewalTemplate(), renewalTemplate()],
    prepare: addRefusedRenewal,
  });
  options = run.driver;
  await options.reload();
});

afterAll(() => stopConnected(run));

/** The page's texts that are not messages, for the failure to list them. */
const strays = (page: Page) => uncataloguedTexts(page, patterns);

function seedOrder(id: number): StoredOrder {
  const order = run.sandbox.state.orders.find((o) => o.id === id);
  if (!order) throw new Error(`seed order ${id} missing`);
  return order;
}

async function csrFor(order: StoredOrder): Promise<string> {
  const dnsNames = order.dns_names.filter((n) => n !== order.common_name);
  return (await generateKeyAndCsr({ commonName: order.common_name, dnsNames, keyType: 'ECDSA-P256' })).csrPem;
}

const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

describe('every visible string of the panels comes from the catalogue', () => {
  it('renewing the order on the open CertCentral page', async () => {
    const page = await openConsoleOrder(run.browser, RENEWED);
    const popup = await openPopup(run.browser);
    await popup.getByRole('heading', { name: `Renew order #${RENEWED}` }).waitFor();
    await popup.getByText(seedOrder(RENEWED).common_name, { exact: true }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.getByRole('button', { name: 'Renew…' }).click();
    await popup.getByLabel('Paste the CSR, or drop its file here').waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    // Left on purpose, or the next popup would open on this renewal rather than on the page's orders.
    await leaveOrder(popup);
    await popup.close();
    await page.close();
  });

  it('reissuing within a Multi-year Plan: the offer, the panel, a refusal and the request', async () => {
    const order = seedOrder(PLAN);
    const page = await openConsoleOrder(run.browser, PLAN);
    const popup = await openPopup(run.browser);
    await popup.getByText('A free reissue may be enough').waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.getByRole('button', { name: 'Reissue for free instead…' }).click();
    await popup.getByRole('button', { name: 'Request the reissue' }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await pasteCsr(popup, await csrFor(order));
    await expect(strays(popup)).resolves.toEqual([]);

    run.sandbox.faults.add({
      method: 'POST',
      pathPrefix: `/services/v2/order/certificate/${PLAN}/reissue`,
      fault: { kind: 'status', status: 400, code: 'invalid_csr', message: 'The CSR could not be read.' },
    });
    await popup.getByRole('button', { name: 'Request the reissue' }).click();
    await popup.locator('.notice.error').waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    run.sandbox.faults.clear();

    await popup.getByRole('button', { name: 'Request the reissue' }).click();
    await popup.getByText('Reissue requested', { exact: true }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.close();
    await page.close();
  });

  it('renewing several orders: the offer, the selection, the progress and the results', async () => {
    const { browser, sandbox } = run;
    const list = await browser.context.newPage();
    await list.goto('https://www.digicert.com/secure/orders/');
    await pageReported(browser, list);
    const popup = await openPopup(browser);
    await popup.getByRole('heading', { name: /orders on this page/ }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    const [bulk] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Renew several at once in the settings' }).click(),
    ]);
    await bulk.waitForURL(/options\.html#renew=/);
    const expiring = bulk.getByRole('list', { name: 'Expiring orders' });
    await expiring.getByRole('checkbox', { checked: true }).first().waitFor();
    await expect(strays(bulk)).resolves.toEqual([]);

    // The first order held up, so that the progress is read before the run finishes.
    sandbox.faults.add({
      method: 'POST',
      pathPrefix: '/services/v2/order/',
      fault: { kind: 'delay', ms: 5_000 },
    });
    await bulk.getByRole('button', { name: /^Renew \d+ selected$/ }).click();
    await bulk.getByRole('list', { name: 'Renewal results' }).waitFor();
    expect(await bulk.getByText(/handled · finished/).count()).toBe(0);
    await expect(strays(bulk)).resolves.toEqual([]);
    await bulk.getByText(/handled · finished/).waitFor({ timeout: 45_000 });
    await expect(strays(bulk)).resolves.toEqual([]);
    await Promise.all([popup.close(), list.close(), bulk.close()]);
  });

  it('importing templates: a refused file, a name clash and the import', async () => {
    await options.reload();
    const input = options.getByLabel('Import templates (JSON file)');
    await input.setInputFiles(jsonFile('other.json', { format: 'something-else', templates: [] }));
    await options.getByRole('alert').filter({ hasText: 'This file was not imported' }).waitFor();
    await expect(strays(options)).resolves.toEqual([]);

    const { useCount: _count, ...template } = renewalTemplate();
    const exported = {
      format: 'certcentral-companion-templates',
      version: 1,
      exportedAt: new Date().toISOString(),
      templates: [template],
    };
    await input.setInputFiles(jsonFile('templates.json', exported));
    await options.getByRole('button', { name: 'Import', exact: true }).waitFor();
    await expect(strays(options)).resolves.toEqual([]);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options
      .getByText(/^Imported \d+ templates?\./)
      .first()
      .waitFor();
    await expect(strays(options)).resolves.toEqual([]);
  });

  it('templates kept aside because they cannot be read', async () => {
    const broken = { id: 'c0ffee00-0000-4000-8000-000000000001', name: 'Broken', product: 42, fields: [] };
    await storeTemplates(options, [renewalTemplate(), broken, { fields: 'none' }]);
    await options.reload();
    const report = options.getByRole('status').filter({ hasText: 'Download' });
    await report.first().waitFor();
    await expect(strays(options)).resolves.toEqual([]);
    await Promise.all([options.waitForEvent('download'), report.getByRole('button').first().click()]);
    await report.getByRole('button', { name: /^Dismiss/ }).waitFor();
    await expect(strays(options)).resolves.toEqual([]);
  });

  it('error notices: CertCentral refusing the key, and a wrong key', async () => {
    await options.reload();
    run.sandbox.faults.add({
      method: 'GET',
      pathPrefix: '/services/v2/user/me',
      times: 20,
      fault: { kind: 'status', status: 403 },
    });
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.locator('.notice.error').first().waitFor();
    await expect(strays(options)).resolves.toEqual([]);
    // The popup shows the failed check the settings page made.
    const popup = await openPopup(run.browser);
    await popup.getByRole('button', { name: 'Check again' }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.close();
    run.sandbox.faults.clear();

    await options.reload();
    await options.getByRole('button', { name: 'Replace key' }).click();
    await options.getByLabel('API key').fill('not-a-key-at-all-0000000000000000');
    await options.getByRole('button', { name: 'Save key' }).click();
    await options.locator('.notice.error').first().waitFor();
    await expect(strays(options)).resolves.toEqual([]);
  });

  it('the passphrase prompt, and a wrong passphrase', async () => {
    await options.reload();
    await options.getByRole('button', { name: 'Set a passphrase…' }).click();
    await expect(strays(options)).resolves.toEqual([]);
    await options.getByLabel('New passphrase').fill(PASSPHRASE);
    await options.getByLabel('Passphrase again').fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Set passphrase' }).click();
    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByText('locked with a passphrase').waitFor();
    await expect(strays(options)).resolves.toEqual([]);

    const popup = await openPopup(run.browser);
    await popup.getByRole('heading', { name: 'The API key is locked' }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    // The locked key's notice and a template kept aside are alerts of their own on this popup.
    await popup.getByRole('alert').filter({ hasText: 'That passphrase does not unlock the key.' }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.close();
  });
});
