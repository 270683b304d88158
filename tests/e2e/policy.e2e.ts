/**
 * The organization's policy, as Chromium applies it from /etc/chromium/policies/managed: the region
 * locked, personal templates hidden, the organization's template read-only and usable to place an
 * order, orders that break the policy refused by the background (product, validity, custom field),
 * and a broken policy reported and ignored, each change while the browser runs. The extension is
 * loaded from a copy of its own (tests/support/policy-browser.ts), so the policy reaches no other test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { violationsInBothSchemes } from '../support/accessibility-checks';
import { callBackground } from '../support/extension-calls';
import { launchWithPolicy, type PolicyBrowser, readManagedStorage } from '../support/policy-browser';
import { expectSentAsReviewed, leaveOpenOrder, openPopup, pasteCsr, reviewedBody } from '../support/setup';
import { evTemplateBody, makeShopCsr } from '../support/shop-order';
import { evTemplate, storeTemplates } from '../support/stored-templates';

const ORG = 'Org EV (policy)';
const PERSONAL = 'Web EV (sandbox)';

/** The organization's template as the export file lists it: evTemplate's fields, no id or dates. */
function orgTemplateText(name = ORG): string {
  const { id: _id, createdAt: _c, updatedAt: _u, useCount: _n, ...template } = evTemplate(60001);
  return JSON.stringify({ ...template, name });
}

const POLICY = {
  region: 'us',
  organizationTemplates: [orgTemplateText()],
  allowedProducts: ['ssl_ev_securesite_pro'],
  maxValidityYears: 1,
  requiredCustomFields: [{ id: 70001, label: 'Cost center' }],
  allowPersonalTemplates: false,
};

const BROKEN = {
  ...POLICY,
  organizationTemplates: [orgTemplateText(), JSON.stringify({ name: 'Half a template', fields: {} })],
};

let sandbox: Sandbox;
let browser: PolicyBrowser | undefined;
let driver: Page;
let csrPem: string;

const posts = () =>
  sandbox.requestLog.filter((e) => e.method === 'POST' && e.path.includes('/order/certificate/'));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchWithPolicy(sandbox.port, POLICY);
  driver = await browser.context.newPage();
  await driver.goto(browser.extensionUrl('options.html'));
  const saved = await callBackground(driver, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  if (!saved.ok) throw new Error(`the sandbox key was not saved: ${saved.error.title}`);
  // A personal template made before the policy: hidden while the policy allows none, never deleted.
  await storeTemplates(driver, [evTemplate(60001)]);
  csrPem = await makeShopCsr();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  browser?.remove();
  await sandbox?.close();
});

/** The settings page, opened afresh. */
async function settingsPage(): Promise<Page> {
  const page = await (browser as PolicyBrowser).context.newPage();
  await page.goto((browser as PolicyBrowser).extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'Templates' }).waitFor();
  return page;
}

/** A new order in the popup from the organization's template, up to "Place order". */
async function orderFromOrgTemplate(popup: Page, years: string): Promise<Record<string, unknown>> {
  await leaveOpenOrder(popup);
  await popup.getByRole('button', { name: new RegExp(ORG.replace(/[()]/g, '\\$&')) }).click();
  await popup.getByLabel('Years of coverage').fill(years);
  await pasteCsr(popup, csrPem);
  return reviewedBody(popup);
}

describe('organization policy', () => {
  it('is applied by Chromium: the extension reads it from storage.managed', async () => {
    await expect.poll(() => readManagedStorage(driver), { timeout: 15_000 }).toEqual(POLICY);
  });

  it('shows what the policy sets and locks the region', async () => {
    const page = await settingsPage();
    const section = page.locator('#policy');
    await section.getByRole('heading', { name: 'Managed by your organization' }).waitFor();
    const text = await section.textContent();
    expect(text).toContain('Secure Site Pro EV SSL');
    expect(text).toContain('1 year from the day of ordering');
    expect(text).toContain('Cost center (id 70001)');
    expect(text).toContain('Not allowed (your own templates are hidden)');
    expect(text).toContain(ORG);

    const region = page.getByRole('group', { name: /Region/ });
    await region.getByText('Set by your organization').waitFor();
    for (const radio of await region.getByRole('radio').all()) expect(await radio.isDisabled()).toBe(true);
    await region.getByText('Your organization set the region to').waitFor();
    const changed = await callBackground(page, 'setRegion', { region: 'eu' });
    expect(changed.ok ? 'changed' : changed.error.code).toBe('region_managed');
    const settings = await callBackground(page, 'getSettings', undefined);
    expect(settings.ok && settings.value.regionManaged).toBe(true);

    const found = await violationsInBothSchemes(page, 'settings under a policy');
    expect.soft(found.join('\n'), 'axe violations').toBe('');
    await page.close();
  });

  it('hides personal templates and lists the organization’s template read-only', async () => {
    const page = await settingsPage();
    const list = page.getByRole('list', { name: /templates/i });
    const org = list.getByRole('listitem').filter({ hasText: ORG });
    await org.getByText('Organization', { exact: true }).waitFor();
    await org.getByText('Read-only: from your organization').waitFor();
    const buttons = (await org.getByRole('button').allTextContents()).map((b) => b.replace(ORG, '').trim());
    expect(buttons).toEqual(['Export']);
    expect(await list.locator('.template-name', { hasText: PERSONAL }).count()).toBe(0);
    await page.getByText('Personal templates are turned off').waitFor();
    await page.getByText('Your 1 own template is hidden, not deleted').waitFor();
    expect(await page.getByRole('button', { name: 'New template' }).isDisabled()).toBe(true);
    await page.close();
  });

  it('places an order with the organization’s template from the popup', async () => {
    const popup = await openPopup(browser as PolicyBrowser);
    const pick = popup.getByRole('button', { name: new RegExp(ORG.replace(/[()]/g, '\\$&')) });
    await pick.getByText('Organization').waitFor();
    expect(
      await popup.getByRole('button', { name: new RegExp(PERSONAL.replace(/[()]/g, '\\$&')) }).count(),
    ).toBe(0);
    const reviewed = await orderFromOrgTemplate(popup, '1');
    expect(reviewed).toEqual(evTemplateBody(csrPem));
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();
    await expectSentAsReviewed(sandbox, reviewed);
    await popup.close();
  });

  it('refuses in the popup an order longer than the policy allows, and sends nothing', async () => {
    const before = posts().length;
    const popup = await openPopup(browser as PolicyBrowser);
    await orderFromOrgTemplate(popup, '2');
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup
      .getByRole('alert')
      .getByText(/your organization allows at most 1 year\(s\)/)
      .waitFor();
    expect(posts().length).toBe(before);
    await popup.close();
  });

  it('refuses in the background every order that breaks the policy', async () => {
    const before = posts().length;
    const body = evTemplateBody(csrPem);
    const refusal = async (product: string, request: Record<string, unknown>) => {
      const reply = await callBackground(driver, 'submitOrder', { product, request });
      if (!reply.ok) throw new Error(reply.error.title);
      return reply.value.accepted ? [] : reply.value.problems.map((p) => p.code);
    };
    expect(await refusal('ssl_basic', body)).toContain('policy_product_not_allowed');
    expect(await refusal('ssl_ev_securesite_pro', { ...body, order_validity: { years: 3 } })).toEqual([
      'policy_validity_too_long',
    ]);
    const { custom_fields: _cf, ...withoutField } = body;
    expect(await refusal('ssl_ev_securesite_pro', withoutField)).toEqual(['policy_custom_field_missing']);
    expect(posts().length).toBe(before);
  });

  it('reports a broken policy where it is wrong, and ignores all of it, while the settings page is open', async () => {
    const page = await settingsPage();
    await page.locator('#policy').getByText(ORG).waitFor();
    (browser as PolicyBrowser).setPolicy(BROKEN);
    await (browser as PolicyBrowser).reloadPolicies();
    const alert = page.locator('#policy').getByRole('alert');
    await alert.getByText('has mistakes and is ignored').waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/organization template 2 \(Half a template\):.*product/);
    // Nothing of it applies: the region is the person's again, their own templates are back.
    const region = page.getByRole('group', { name: /Region/ });
    await expect.poll(() => region.getByRole('radio').first().isDisabled(), { timeout: 10_000 }).toBe(false);
    const list = page.getByRole('list', { name: /templates/i });
    await list.locator('.template-name', { hasText: PERSONAL }).waitFor();
    expect(await list.locator('.template-name', { hasText: ORG }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New template' }).isDisabled()).toBe(false);
    const settings = await callBackground(page, 'getSettings', undefined);
    expect(settings.ok && settings.value.regionManaged).toBeUndefined();
    // The background no longer holds orders to it either.
    const reply = await callBackground(driver, 'submitOrder', {
      product: 'ssl_ev_securesite_pro',
      request: { ...evTemplateBody(csrPem), order_validity: { years: 2 } },
    });
    expect(reply.ok && reply.value.accepted).toBe(true);

    // Fixed while running: applied again, and the page follows.
    (browser as PolicyBrowser).setPolicy(POLICY);
    await (browser as PolicyBrowser).reloadPolicies();
    await list.locator('.template-name', { hasText: ORG }).waitFor({ timeout: 20_000 });
    expect(await page.locator('#policy').getByRole('alert').count()).toBe(0);
    await page.getByText('Personal templates are turned off').waitFor();
    expect(await list.locator('.template-name', { hasText: PERSONAL }).count()).toBe(0);
    await page.close();
  });
});
