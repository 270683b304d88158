/**
 * Never twice across browsers: two browser profiles (each its own extension storage and outbox, each
 * with its own API key of the same account) renew the same order from the popup. CertCentral is asked
 * before any POST, so a renewal placed earlier elsewhere stops the second one with nothing sent; two
 * renewals at the very same moment end with one live order, the other popup saying who renews it.
 * Both variants of the account setting "Require unique alternative order IDs" are run.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import type { SubmissionView } from '../../lib/messaging';
import { SANDBOX_KEYS, SEED_IDS } from '../sandbox/seed';
import { addIssuedOrders } from '../sandbox/seed/bulk';
import type { StoredOrder } from '../sandbox/state';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { callBackground, submissions } from '../support/extension-calls';
import {
  type Connected,
  EV_ORDER_PATH,
  openConsoleOrder,
  openPopup,
  pasteCsr,
  startConnected,
  stopConnected,
} from '../support/setup';
import { evRenewalTemplate, storeTemplates } from '../support/stored-templates';

const SEQUENTIAL = 10000001;
/** Two expiring EV orders added to the sandbox, one per race. */
const RACE = 10000301;
const RACE_UNIQUE = 10000302;

let a: Connected;
let b: { browser: ExtensionBrowser; driver: Page };

beforeAll(async () => {
  // Profile A: Ada Admin's key.
  a = await startConnected({
    templates: [evRenewalTemplate()],
    prepare: (sandbox) =>
      addIssuedOrders(sandbox.state, new Date(), {
        count: 2,
        firstId: RACE,
        daysLeft: 20,
        organizationId: SEED_IDS.organizations.ev,
        product: 'ssl_ev_securesite_pro',
      }),
  });
  // Profile B: another browser profile with Olivia Orders' key of the same account.
  const browser = await launchExtension(a.sandbox.port);
  const driver = await browser.context.newPage();
  await driver.goto(browser.extensionUrl('options.html'));
  const saved = await callBackground(driver, 'saveApiKey', { apiKey: SANDBOX_KEYS.orders, region: 'us' });
  if (!saved.ok) throw new Error(`the orders key was not saved: ${saved.error.title}`);
  await storeTemplates(driver, [evRenewalTemplate()]);
  b = { browser, driver };
}, 120_000);

afterAll(async () => {
  await b?.browser.close();
  await stopConnected(a);
});

function order(id: number): StoredOrder {
  const found = a.sandbox.state.orders.find((o) => o.id === id);
  if (!found) throw new Error(`sandbox order ${id} missing`);
  return found;
}

/** Live renewals of `renewed` the sandbox stored (canceled and rejected ones do not count). */
const liveRenewals = (renewed: number) =>
  a.sandbox.state.orders.filter(
    (o) => o.renewal_of_order_id === renewed && o.status !== 'canceled' && o.status !== 'rejected',
  );

/** Order POSTs that reached the sandbox with this key since `since` (a request log sequence number). */
const postsBy = (key: 'admin' | 'orders', since: number) =>
  a.sandbox.requestLog.filter(
    (e) => e.seq > since && e.method === 'POST' && e.path === EV_ORDER_PATH && e.key === key,
  );

/** Up to the review of a renewal of `orderId` in this profile's popup; "Place order" is next. */
async function reviewRenewal(browser: ExtensionBrowser, orderId: number, warned?: RegExp): Promise<Page> {
  const renewed = order(orderId);
  // The popup renews the order of the open console tab: the tabs of an earlier case are closed.
  for (const page of browser.context.pages()) if (!page.url().includes('options.html')) await page.close();
  await openConsoleOrder(browser, orderId);
  const popup = await openPopup(browser);
  await popup.getByRole('heading', { name: `Renew order #${orderId}` }).waitFor();
  if (warned) await popup.getByText(warned).waitFor();
  await popup.getByRole('button', { name: 'Renew…' }).click();
  const dnsNames = renewed.dns_names.filter((n) => n !== renewed.common_name);
  const { csrPem } = await generateKeyAndCsr({
    commonName: renewed.common_name,
    dnsNames,
    keyType: 'ECDSA-P256',
  });
  await pasteCsr(popup, csrPem);
  await popup.getByRole('button', { name: 'Review order' }).click();
  await popup.getByRole('button', { name: 'Place order' }).waitFor();
  return popup;
}

const place = (popup: Page) => popup.getByRole('button', { name: 'Place order' }).click();

/**
 * A renewal stopped because someone else renews the order: the popup says so, with no way back to
 * the form (there is nothing to fix and send again), and drops its draft, so this profile's next
 * renewal starts from the order's page again (reviewRenewal would fail on a restored draft).
 */
async function leaveRenewal(popup: Page): Promise<void> {
  await popup.getByRole('heading', { name: 'Already being renewed' }).waitFor();
  expect(await popup.getByRole('button', { name: 'Back to the form' }).count()).toBe(0);
  await popup.close();
}

/** This profile's submission for the order named `commonName`, as its outbox shows it now. */
async function outcome(page: Page, commonName: string): Promise<SubmissionView | undefined> {
  return (await submissions(page)).find((s) => s.commonName === commonName);
}

/** Waits until this profile's renewal is placed (and its duplicate check done) or ended. */
async function settledRenewal(page: Page, commonName: string): Promise<SubmissionView> {
  let found: SubmissionView | undefined;
  await expect
    .poll(
      async () => {
        found = await outcome(page, commonName);
        return found?.state;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^(placed|failed)$/);
  return found as SubmissionView;
}

const ADA = 'Ada Admin \\(ada\\.admin@example\\.com\\)';
const OLIVIA = 'Olivia Orders \\(olivia\\.orders@example\\.com\\)';

describe('renewing one order from two browser profiles', () => {
  it('a renewal placed earlier in profile A stops profile B before any POST, and B says who and which order', async () => {
    const since = a.sandbox.requestLog.at(-1)?.seq ?? 0;
    const popupA = await reviewRenewal(a.browser, SEQUENTIAL);
    await place(popupA);
    const placedA = await settledRenewal(a.driver, order(SEQUENTIAL).common_name);
    expect(placedA.state).toBe('placed');
    expect(liveRenewals(SEQUENTIAL)).toHaveLength(1);
    const renewal = liveRenewals(SEQUENTIAL)[0]?.id;

    // B's outbox knows nothing of A's: the popup asks CertCentral and warns; placed anyway, the
    // renewal is stopped by the check right before the POST.
    const warning = new RegExp(
      `Order #${SEQUENTIAL} is already being renewed by ${ADA}, order #${renewal}, placed on `,
    );
    const popupB = await reviewRenewal(b.browser, SEQUENTIAL, warning);
    await place(popupB);
    const said = new RegExp(
      `Already being renewed by ${ADA}, order #${renewal}, placed on .+\\. Nothing was ordered\\.`,
    );
    await popupB.locator('.submission-note').getByText(said).waitFor();
    await popupB.getByText(`Already being renewed: order #${renewal}`).waitFor();
    expect(postsBy('orders', since)).toHaveLength(0);
    expect(postsBy('admin', since)).toHaveLength(1);
    expect(liveRenewals(SEQUENTIAL)).toHaveLength(1);
    await leaveRenewal(popupB);
  });

  it("profile B's bulk run skips the order profile A renewed, saying who and which order, and sends nothing for it", async () => {
    const since = a.sandbox.requestLog.at(-1)?.seq ?? 0;
    const renewal = liveRenewals(SEQUENTIAL)[0]?.id;
    expect(renewal).toBeDefined();
    const started = await callBackground(b.driver, 'startBulkRenewal', {
      templateId: evRenewalTemplate().id,
      orderIds: [SEQUENTIAL],
    });
    if (!started.ok) throw new Error(`the bulk run did not start: ${started.error.title}`);
    let item: { state: string; message?: string } | undefined;
    await expect
      .poll(async () => {
        const run = await callBackground(b.driver, 'getBulkRenewal', { runId: started.value.runId });
        item = run.ok ? run.value.items[0] : undefined;
        return item?.state;
      })
      .toBe('skipped');
    expect(item?.message).toMatch(
      new RegExp(
        `^Already being renewed by ${ADA}, order #${renewal}, placed on .+\\. Nothing was ordered\\.$`,
      ),
    );
    expect(postsBy('orders', since)).toHaveLength(0);
    expect(liveRenewals(SEQUENTIAL)).toHaveLength(1);
  });

  for (const unique of [false, true]) {
    const renewed = unique ? RACE_UNIQUE : RACE;
    it(`two renewals at the same moment end with one order (unique alternative ids ${unique ? 'required' : 'not required'})`, async () => {
      a.sandbox.state.settings.requireUniqueAlternativeOrderId = unique;
      const since = a.sandbox.requestLog.at(-1)?.seq ?? 0;
      const [popupA, popupB] = await Promise.all([
        reviewRenewal(a.browser, renewed),
        reviewRenewal(b.browser, renewed),
      ]);
      // Both POSTs are held for a moment before the sandbox stores them: both profiles have asked
      // CertCentral and found nothing, so the check alone cannot stop either.
      a.sandbox.faults.add({
        method: 'POST',
        pathPrefix: EV_ORDER_PATH,
        times: 2,
        fault: { kind: 'delay', ms: 2_000 },
      });
      await Promise.all([place(popupA), place(popupB)]);

      const name = order(renewed).common_name;
      await expect.poll(() => postsBy('admin', since).length + postsBy('orders', since).length).toBe(2);
      await expect.poll(() => liveRenewals(renewed).length, { timeout: 30_000 }).toBe(1);
      const kept = liveRenewals(renewed)[0] as StoredOrder;
      // The profile whose order was stored second ends its own renewal: wait until one of them has.
      await expect
        .poll(
          async () =>
            [await outcome(a.driver, name), await outcome(b.driver, name)].filter(
              (s) => s?.state === 'failed',
            ).length,
          { timeout: 30_000 },
        )
        .toBe(1);
      const [fromA, fromB] = await Promise.all([
        settledRenewal(a.driver, name),
        settledRenewal(b.driver, name),
      ]);
      expect(postsBy('admin', since)).toHaveLength(1);
      expect(postsBy('orders', since)).toHaveLength(1);

      // One profile placed it; the other says who renews it and which order, and ordered nothing.
      const [winner, loser, loserPopup, winnerName] =
        fromA.state === 'placed' ? [fromA, fromB, popupB, ADA] : [fromB, fromA, popupA, OLIVIA];
      expect(winner).toMatchObject({ state: 'placed', orderId: kept.id });
      expect(loser).toMatchObject({
        state: 'failed',
        statusLabel: `Already being renewed: order #${kept.id}`,
      });
      await loserPopup
        .locator('.submission-note')
        .getByText(new RegExp(`Already being renewed by ${winnerName}, order #${kept.id}, placed on .+`))
        .waitFor();
      // Every order this race stored that is not the kept one was canceled while pending.
      const stored = a.sandbox.state.orders.filter((o) => o.renewal_of_order_id === renewed);
      expect(stored.length).toBe(unique ? 1 : 2);
      for (const extra of stored.filter((o) => o.id !== kept.id)) expect(extra.status).toBe('canceled');
      await leaveRenewal(loserPopup);
      a.sandbox.state.settings.requireUniqueAlternativeOrderId = false;
    });
  }
});
