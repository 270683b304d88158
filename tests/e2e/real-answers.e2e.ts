/**
 * The extension against answers shaped like the real CertCentral's (the sandbox sends nulls, lists
 * without their arrays, errors as objects, organizations whose validations come only on request):
 * the editor says what an organization's EV validation means before anything is ordered, a picked
 * division stays picked when the template is reopened, the review warns about an organization without
 * EV validation, and the popup says why an order on the page could not be confirmed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import { SEED_IDS } from '../sandbox/seed';
import {
  type Connected,
  leaveOrder,
  openPopup,
  pageReported,
  pasteCsr,
  reviewedBody,
  startConnected,
  stopConnected,
} from '../support/setup';
import { evTemplate } from '../support/stored-templates';
import { createEvTemplateInOptions } from '../support/template-ui';

const ORGS = SEED_IDS.organizations;
let run: Connected;
let options: Page;

beforeAll(async () => {
  run = await startConnected({ templates: [evTemplate(ORGS.ov)] });
  options = await run.browser.context.newPage();
  await options.goto(run.browser.extensionUrl('options.html'));
  await options.getByRole('heading', { name: 'Templates' }).waitFor();
});

afterAll(() => stopConnected(run));

const combo = (label: string) => options.getByRole('combobox', { name: label, exact: true });

describe('real CertCentral answers', () => {
  it('keeps a picked division when the template is reopened', async () => {
    await createEvTemplateInOptions(options, 'EV with a picked division');
    await options.getByRole('button', { name: 'Edit EV with a picked division' }).click();
    await options.getByText('Choices from your account, loaded at').waitFor();
    await expect.poll(() => combo('Container').inputValue()).toBe(String(SEED_IDS.containers.parent));
    await expect(options.getByRole('textbox', { name: 'Container id' }).count()).resolves.toBe(0);
    await options.getByRole('button', { name: 'Back to templates' }).click();
  });

  it('warns in the editor about an EV order for an organization without an active EV validation', async () => {
    await options.getByRole('button', { name: 'New template' }).click();
    await combo('Product').selectOption('ssl_ev_securesite_pro');
    await options.getByText('Choices from your account, loaded at').waitFor();
    await combo('Source of Organization').selectOption('fixed');
    const status = options.locator('.org-status');

    await combo('Organization').selectOption(String(ORGS.ev));
    await status
      .getByText(/Validation of “Sandbox EV Corporation \(Sandbox EV\)” in CertCentral: .*EV active until/)
      .waitFor();
    await expect(status.getByText('Before you order:').count()).resolves.toBe(0);

    await combo('Organization').selectOption(String(ORGS.ov));
    await status
      .getByText(/has no EV validation\. DigiCert would have to validate it for EV first/)
      .waitFor();

    await combo('Organization').selectOption(String(ORGS.evExpired));
    await status.getByText(/EV validation has expired on [A-Z][a-z]{2} \d{1,2}, \d{4}\./).waitFor();

    await combo('Organization').selectOption(String(ORGS.evPending));
    await status.getByText(/EV validation is still pending/).waitFor();
    await options.getByRole('button', { name: 'Back to templates' }).click();
  });

  it('warns in the review before an EV order for an organization without EV validation', async () => {
    const popup = await openPopup(run.browser);
    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).click();
    const { csrPem } = await generateKeyAndCsr({
      commonName: 'shop.example.com',
      dnsNames: [],
      keyType: 'ECDSA-P256',
    });
    await pasteCsr(popup, csrPem);
    await reviewedBody(popup);
    const warnings = popup.getByRole('list', { name: 'Before you send' });
    await warnings.getByText(/“Sandbox OV Widgets Ltd” \(#60002\) has no EV validation/).waitFor();
    // Nothing was ordered by looking.
    expect(run.sandbox.requestLog.filter((e) => e.method === 'POST')).toEqual([]);
    // Left on purpose, or the next popup would open on this order rather than on the page's.
    await leaveOrder(popup);
    await popup.close();
  });

  it('says in the popup why an order on the page could not be confirmed', async () => {
    const page = await run.browser.context.newPage();
    await page.goto('https://www.digicert.com/secure/orders/99999999');
    await page.getByRole('heading', { name: 'Order not found' }).waitFor();
    await pageReported(run.browser, page, 99999999);
    const popup = await openPopup(run.browser);
    await popup.getByText('Order #99999999 on this page could not be confirmed').waitFor();
    await popup
      .getByText(/CertCentral has no order #99999999 for this API key’s account|for this API key's account/)
      .waitFor();
    await popup.close();
    await page.close();
  });
});
