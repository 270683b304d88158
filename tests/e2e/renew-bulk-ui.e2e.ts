/**
 * Bulk renewal through the UI: from the CertCentral orders list, the popup hands the page's orders to
 * the settings page, where the expiring ones are renewed with a template in one go. One order is
 * refused by CertCentral; every other one is ordered once, and nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRefusedRenewal,
  type Connected,
  openPopup,
  pageReported,
  REFUSED_RENEWAL as REFUSED,
  startConnected,
  stopConnected,
} from '../support/setup';
import { renewalTemplate } from '../support/stored-templates';

let run: Connected;

beforeAll(async () => {
  run = await startConnected({ templates: [renewalTemplate()], prepare: addRefusedRenewal });
  await run.driver.close();
});

afterAll(() => stopConnected(run));

describe('bulk renewal from the orders list', () => {
  it('renews the expiring orders of the list page, one refused, nothing twice', async () => {
    const { browser, sandbox } = run;
    const list = await browser.context.newPage();
    await list.goto('https://www.digicert.com/secure/orders/');
    await list.getByRole('link', { name: String(REFUSED) }).waitFor();
    await pageReported(browser, list, REFUSED);

    const popup = await openPopup(browser);
    await popup.getByRole('heading', { name: /orders on this page/ }).waitFor();
    const [options] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Renew several at once in the settings' }).click(),
    ]);
    await options.waitForURL(/options\.html#renew=/);
    const expiring = options.getByRole('list', { name: 'Expiring orders' });
    await expiring.getByRole('listitem').first().waitFor();
    const checked = await expiring.getByRole('checkbox', { checked: true }).count();
    expect(checked).toBeGreaterThanOrEqual(4);
    await options.getByRole('button', { name: `Renew ${checked} selected` }).click();

    const results = options.getByRole('list', { name: 'Renewal results' });
    await options.getByText(/handled · finished/).waitFor({ timeout: 45_000 });
    await expect(
      results.getByRole('listitem', { name: `Order ${REFUSED}: Failed` }).textContent(),
    ).resolves.toMatch(/deactivated/i);
    const submitted = await results.getByRole('listitem', { name: /: In the outbox$/ }).count();
    expect(submitted).toBeGreaterThan(0);
    // Nothing ordered twice: at most one renewal of each order, none of the refused one.
    // Orders placed through the API in this test (the seed's own renewal has no placed_with).
    const renewed = sandbox.state.orders.flatMap((o) =>
      o.placed_with && o.renewal_of_order_id ? [o.renewal_of_order_id] : [],
    );
    expect(new Set(renewed).size).toBe(renewed.length);
    expect(renewed).not.toContain(REFUSED);
    expect(renewed.length).toBe(submitted);

    // The summary can be exported.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export summary (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certcentral-renewals-.*\.json$/);
  });
});
