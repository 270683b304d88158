/**
 * Screenshots of the popup and options page against the sandbox, light and dark, driven through
 * the UI like a person would: npx tsx scripts/screenshots.ts (after npm run build).
 * Written to assets/screenshots/ and shown in the README.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { generateKeyAndCsr } from '../lib/csr/index';
import { sandboxRequest, validEvOrderBody } from '../tests/sandbox/client';
import { SANDBOX_KEYS } from '../tests/sandbox/seed';
import { addColleagueOrders } from '../tests/sandbox/seed/colleagues';
import { startSandbox } from '../tests/sandbox/server';
import { launchExtension } from '../tests/support/browser';
import { callBackground, waitForSubmission } from '../tests/support/extension-calls';
import { launchWithPolicy } from '../tests/support/policy-browser';
import { openPopup } from '../tests/support/setup';
import { evTemplate } from '../tests/support/stored-templates';
import { createEvTemplateInOptions } from '../tests/support/template-ui';

const dir = resolve(import.meta.dirname, '../assets/screenshots');
const out = (name: string) => resolve(dir, `${name}.png`);
const { csrPem } = await generateKeyAndCsr({
  commonName: 'shop.example.com',
  dnsNames: ['www.shop.example.com'],
  keyType: 'ECDSA-P256',
});

async function someHistory(page: Page, sandboxPort: number) {
  const orders: [string, Record<string, unknown>][] = [
    ['www.example.com', {}],
    [
      'api.example.com',
      { organization: { id: 69999, contacts: [{ contact_type: 'ev_approver', user_id: 100002 }] } },
    ],
  ];
  const ids: string[] = [];
  for (const [name, changes] of orders) {
    const reply = await callBackground(page, 'submitOrder', {
      product: 'ssl_ev_securesite_pro',
      request: { ...validEvOrderBody(csrPem, name), ...changes },
    });
    if (reply.ok && reply.value.accepted) ids.push(reply.value.submission.id);
  }
  const first = await waitForSubmission(page, ids[0] ?? '', (s) => s.state === 'placed');
  await sandboxRequest(sandboxPort, 'POST', `/__sandbox/orders/${first.orderId}/status`, {
    body: { status: 'issued' },
  });
  await waitForSubmission(page, ids[0] ?? '', (s) => s.statusWord === 'done', { refresh: true });
  await waitForSubmission(page, ids[1] ?? '', (s) => s.state === 'failed');
}

/** An EV order placed with DNS TXT validation and followed once, so its validation state is stored. */
async function pendingDnsOrder(page: Page): Promise<number> {
  const reply = await callBackground(page, 'submitOrder', {
    product: 'ssl_ev_securesite_pro',
    request: { ...validEvOrderBody(csrPem, 'shop.example.com'), dcv_method: 'dns-txt-token' },
  });
  if (!reply.ok || !reply.value.accepted) throw new Error('The pending order was not accepted.');
  const id = reply.value.submission.id;
  const placed = await waitForSubmission(page, id, (s) => s.state === 'placed' && s.orderId !== undefined);
  await waitForSubmission(page, id, (s) => s.orderStatus === 'pending', { refresh: true });
  return placed.orderId as number;
}

rmSync(dir, { recursive: true, force: true });
for (const scheme of ['light', 'dark'] as const) {
  const sandbox = await startSandbox({ port: 0 });
  const browser = await launchExtension(sandbox.port, { colorScheme: scheme });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });

  const empty = await openPopup(browser, 330);
  await empty.getByText('Connect your CertCentral account').waitFor();
  await empty.screenshot({ path: out(`popup-first-run-${scheme}`) });

  await page.goto(browser.extensionUrl('options.html'));
  await page.getByLabel('API key').fill(SANDBOX_KEYS.admin);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByText('Connected as').waitFor();
  await page.screenshot({ path: out(`options-connected-${scheme}`) });

  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByText('Choices from your account, loaded at').waitFor();
  await page.screenshot({ path: out(`options-template-editor-${scheme}`) });
  await page.getByRole('button', { name: 'Back to templates' }).click();
  await createEvTemplateInOptions(page, 'EV for the shop');
  await page.locator('#templates').screenshot({ path: out(`options-templates-${scheme}`) });

  // What CertCentral says of an organization's validation, and the warning before an EV order for
  // one whose EV validation has lapsed.
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByText('Choices from your account, loaded at').waitFor();
  await page.getByRole('combobox', { name: 'Source of Organization', exact: true }).selectOption('fixed');
  await page.getByRole('combobox', { name: 'Organization', exact: true }).selectOption('60004');
  await page.getByText('Before you order:').waitFor();
  await page.locator('section.egroup', { has: page.locator('#group-organization') }).screenshot({
    path: out(`options-organization-warning-${scheme}`),
  });
  await page.getByRole('button', { name: 'Back to templates' }).click();
  // The organization was picked but not saved: the editor asks before it lets the change go.
  await page.getByRole('button', { name: 'Discard changes' }).click();

  const popup = await openPopup(browser, 600);
  await popup.getByRole('button', { name: /EV for the shop/ }).waitFor();
  // The account line comes after the list (its chunk loads once the list is on screen).
  await popup
    .locator('.connection-line')
    .getByText(/account #/)
    .waitFor();
  await popup.screenshot({ path: out(`popup-templates-${scheme}`) });
  await popup.getByRole('button', { name: /EV for the shop/ }).click();
  await popup.getByLabel('Paste the CSR, or drop its file here').fill(csrPem);
  await popup.locator('.csr-facts').waitFor();
  await popup.screenshot({ path: out(`popup-order-form-${scheme}`), fullPage: true });
  await popup.getByRole('button', { name: 'Review order' }).click();
  await popup.getByLabel('Request body').waitFor();
  await popup.screenshot({ path: out(`popup-review-${scheme}`), fullPage: true });

  // Renewal: the popup leads with the order on the open CertCentral page (a Multi-year Plan here,
  // so it also offers the free reissue), and the settings list what expires soon.
  const consolePage = await browser.context.newPage();
  await consolePage.goto('https://www.digicert.com/secure/orders/10000004');
  const renew = await openPopup(browser, 600);
  // The order reviewed above is still a draft: leave it.
  await renew.getByRole('button', { name: '← Templates' }).click();
  await renew.getByRole('heading', { name: 'Renew order #10000004' }).waitFor();
  await renew.screenshot({ path: out(`popup-renew-${scheme}`), fullPage: true });
  // An order the page shows that the API does not confirm: the popup says why.
  await consolePage.goto('https://www.digicert.com/secure/orders/99999999');
  const unconfirmed = await openPopup(browser, 420);
  await unconfirmed.locator('main, body').first().waitFor();
  const back = unconfirmed.getByRole('button', { name: '← Templates' });
  if (await back.isVisible().catch(() => false)) await back.click();
  await unconfirmed.getByText('Order #99999999 on this page could not be confirmed').waitFor();
  await unconfirmed.screenshot({ path: out(`popup-unconfirmed-${scheme}`) });
  await page.goto(browser.extensionUrl('options.html#renew'));
  await page.getByRole('list', { name: 'Expiring orders' }).getByRole('listitem').first().waitFor();
  await page.locator('#renew').screenshot({ path: out(`options-expiring-${scheme}`) });

  await someHistory(page, sandbox.port);
  await page.goto(browser.extensionUrl('options.html#orders'));
  await page.getByRole('list', { name: 'Order history' }).getByRole('listitem').nth(1).waitFor();
  await page.locator('#orders').screenshot({ path: out(`options-orders-${scheme}`) });

  // The team's recent orders: colleagues' orders (seeded) beside this browser's own.
  addColleagueOrders(sandbox.state, new Date());
  await page.getByRole('tab', { name: "Team's recent orders" }).click();
  await page
    .getByRole('list', { name: "The account's recent orders" })
    .getByRole('listitem')
    .nth(2)
    .waitFor();
  await page.locator('#orders').screenshot({ path: out(`options-team-${scheme}`) });

  // What a pending order waits on: the DNS TXT record to publish, the organization and the approver.
  const pending = await pendingDnsOrder(page);
  await page.goto(browser.extensionUrl(`options.html#order-${pending}`));
  const waits = page.locator(`#order-${pending}`);
  await waits
    .getByRole('region', { name: 'What this order waits on' })
    .getByText('Record name')
    .first()
    .waitFor();
  await waits.screenshot({ path: out(`options-validation-${scheme}`) });

  // The alert settings, and the popup's "Needs you" (the failed order of the history above).
  await page.goto(browser.extensionUrl('options.html'));
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await alerts.waitFor();
  await alerts.screenshot({ path: out(`options-alerts-${scheme}`) });
  const needsYou = await openPopup(browser, 600);
  await needsYou.getByRole('heading', { name: 'Needs you' }).waitFor();
  await needsYou.screenshot({ path: out(`popup-needs-you-${scheme}`) });
  await browser.close();
  await sandbox.close();
}

// Under an organization's policy, light only: the policy applies to a copy of the build at a path of
// its own (tests/support/policy-browser.ts), which writes into Chromium's machine-wide policy folder.
{
  const { id: _id, createdAt: _c, updatedAt: _u, useCount: _n, ...fields } = evTemplate(60001);
  const sandbox = await startSandbox({ port: 0 });
  const browser = await launchWithPolicy(sandbox.port, {
    region: 'us',
    organizationTemplates: [JSON.stringify({ ...fields, name: 'Web EV (organization)' })],
    allowedProducts: ['ssl_ev_securesite_pro'],
    maxValidityYears: 1,
    requiredCustomFields: [{ id: 70001, label: 'Cost center' }],
    allowPersonalTemplates: false,
  });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(browser.extensionUrl('options.html'));
    await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
    await page.reload();
    const policy = page.getByRole('region', { name: 'Managed by your organization' });
    await policy.getByText('Cost center').waitFor();
    await policy.screenshot({ path: out('options-policy-light') });
    const popup = await openPopup(browser, 330);
    await popup.getByRole('button', { name: /Web EV \(organization\)/ }).waitFor();
    await popup
      .locator('.connection-line')
      .getByText(/account #/)
      .waitFor();
    await popup.screenshot({ path: out('popup-policy-light') });
  } finally {
    await browser.close();
    browser.remove();
    await sandbox.close();
  }
}
console.log(`Screenshots written to ${dir}`);
