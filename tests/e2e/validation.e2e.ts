/**
 * Validation follow-through on the production build: an EV order placed with dns-txt-token shows
 * in the history what to publish; once the sandbox has the value published (control API) "Check DCV
 * now" validates the domain and, with the organization and the EV approval done, the order is issued,
 * each told once; an expired value offers "New value", which gives another.
 *
 * Negative control: VALIDATION_E2E_CONTROL=skip-publish leaves out the publish step; the first test
 * must then fail (DigiCert finds no value, the domain stays pending).
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCsr } from '../sandbox/client';
import type { Sandbox } from '../sandbox/server';
import { violationsWithin } from '../support/axe-within';
import type { ExtensionBrowser } from '../support/browser';
import { waitForSubmission } from '../support/extension-calls';
import { startConnected, stopConnected } from '../support/setup';
import { submitEvOrder } from '../support/submit-order';
import {
  completeOrganization,
  moveSandboxClock,
  notificationIds,
  publishValue,
  sandboxDcv,
  switchOnEveryAlert,
} from '../support/validation-steps';

const SKIP_PUBLISH = process.env.VALIDATION_E2E_CONTROL === 'skip-publish';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  ({ sandbox, browser, driver: page } = await startConnected());
  await switchOnEveryAlert(page);
});

afterAll(async () => {
  await stopConnected({ sandbox, browser });
});

function worker(): Worker {
  const found = browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
  if (!found) throw new Error('the extension has no service worker');
  return found;
}

/** Counts every notification the worker creates from now on (ids can be replaced, so getAll alone cannot). */
async function countCreatedNotifications(): Promise<void> {
  await worker().evaluate(() => {
    const g = globalThis as unknown as {
      __created?: string[];
      chrome: { notifications: { create: (...args: unknown[]) => unknown } };
    };
    if (g.__created) return;
    g.__created = [];
    const original = g.chrome.notifications.create.bind(g.chrome.notifications);
    g.chrome.notifications.create = (...args: unknown[]) => {
      if (typeof args[0] === 'string') g.__created?.push(args[0]);
      return original(...args);
    };
  });
}
const createdNotifications = () =>
  worker().evaluate(() => (globalThis as unknown as { __created?: string[] }).__created ?? []);

/** Places an EV order for `name` (dns-txt-token) and runs one follow-up round, which reads its validation. */
async function placeAndFollow(name: string) {
  const csr = await makeTestCsr(name);
  const submission = await submitEvOrder(page, csr, name);
  const placed = await waitForSubmission(
    page,
    submission.id,
    (s) => s.state === 'placed' && s.orderId !== undefined,
  );
  // `refresh` runs the follow-up round now (engine.checkNow), as the history's "Check now" does.
  await waitForSubmission(page, submission.id, (s) => s.orderStatus === 'pending', { refresh: true });
  return { submission, orderId: placed.orderId as number };
}

const badgeText = () => worker().evaluate('chrome.action.getBadgeText({})') as Promise<string>;

/** The lines of the popup's "Needs you" list, as a person reads them. */
async function needsYouLines(): Promise<string[]> {
  const popup = await browser.context.newPage();
  try {
    await popup.goto(browser.extensionUrl('popup.html'));
    // The list arrives after the popup's first frame; an empty list shows nothing at all.
    await popup
      .waitForFunction(() => document.querySelector('.needs-you') !== null, null, { timeout: 5000 })
      .catch(() => undefined);
    return await popup.locator('.needs-you-item > p:first-child').allTextContents();
  } finally {
    await popup.close();
  }
}

async function historyPanel(orderId: number) {
  const history = await browser.context.newPage();
  await history.goto(browser.extensionUrl(`options.html#order-${orderId}`));
  const panel = history
    .locator(`#order-${orderId}`)
    .getByRole('region', { name: 'What this order waits on' });
  await panel.waitFor();
  return { history, panel };
}

describe('validation follow-through', () => {
  it('shows the TXT record, validates after publishing, issues, and tells each event once', async () => {
    const name = 'validate.example.com';
    await countCreatedNotifications();
    const { submission, orderId } = await placeAndFollow(name);
    const dcv = await sandboxDcv(sandbox, orderId);
    expect(dcv.method).toBe('dns-txt-token');

    const { history, panel } = await historyPanel(orderId);
    await expect
      .poll(() => panel.locator('.dcv-value code').allTextContents())
      .toEqual([name, dcv.random.value]);
    expect(await panel.locator('.dcv-value code').first().getAttribute('translate')).toBe('no');
    await expect.poll(() => panel.getByText(/This value is valid until/).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'New value' }).count()).toBe(0);
    expect(await violationsWithin(history, `#order-${orderId}`)).toEqual([]);

    // What needs the user: the follow-up's read put the domain in the popup's first list and the badge.
    const toPublish = `Publish the DNS TXT record that proves you control ${name} (order ${orderId}).`;
    expect(await needsYouLines()).toContain(toPublish);
    await expect.poll(async () => Number(await badgeText())).toBeGreaterThanOrEqual(1);
    const countBefore = Number(await badgeText());

    await completeOrganization(sandbox, orderId);
    if (!SKIP_PUBLISH) await publishValue(sandbox, orderId, name);
    await panel.getByRole('button', { name: 'Check DCV now' }).click();
    await panel.getByText(`DigiCert validated: ${name}.`).waitFor({ timeout: 15_000 });
    expect(await panel.getByRole('status').filter({ hasText: 'DigiCert validated' }).count()).toBe(1);
    expect(await panel.locator('.status.ok').filter({ hasText: 'Validated' }).count()).toBe(1);
    expect(sandbox.state.orders.find((o) => o.id === orderId)?.status).toBe('issued');
    // Validated and issued: nothing left to do for it, and the badge counts one less.
    await expect.poll(() => badgeText()).toBe(countBefore > 1 ? String(countBefore - 1) : '');
    expect(await needsYouLines()).not.toContain(toPublish);

    // The action asked the outbox to follow up at once: the order is issued in the history.
    await waitForSubmission(page, submission.id, (s) => s.statusWord === 'done');
    // Another round changes nothing: each event was told once.
    await waitForSubmission(page, submission.id, (s) => s.statusWord === 'done', { refresh: true });
    const created = await createdNotifications();
    expect(created.filter((id) => id === `issued:${submission.id}`)).toHaveLength(1);
    expect(created.filter((id) => id === `alerts:validationDone:${orderId}:${name}`)).toHaveLength(1);
    // Placed here: the outbox alone announces the issuance.
    expect(created.filter((id) => id.startsWith(`alerts:orderIssued:${orderId}`))).toHaveLength(0);
    const shown = await notificationIds(worker());
    expect(shown).toEqual(
      expect.arrayContaining([`issued:${submission.id}`, `alerts:validationDone:${orderId}:${name}`]),
    );
    await history.close();
  });

  it('an expired value offers New value, which gives a new one to publish', async () => {
    // Placed 31 days ago by the sandbox's clock: its value expired a day ago by the browser's.
    await moveSandboxClock(sandbox, { advance_days: -31 });
    const name = 'token.example.com';
    const { orderId } = await placeAndFollow(name);
    const old = (await sandboxDcv(sandbox, orderId)).random.value;
    const { history, panel } = await historyPanel(orderId);
    await expect.poll(() => panel.locator('.dcv-value code').allTextContents()).toEqual([name, old]);
    await panel.getByText(/This value expired/).waitFor();
    // The sandbox's clock back to now: for DigiCert too the 30 days have passed.
    await moveSandboxClock(sandbox, { advance_days: 31 });
    await panel.getByRole('button', { name: 'New value' }).click();
    await panel.getByText(/DigiCert gave a new value/).waitFor({ timeout: 15_000 });
    const fresh = (await sandboxDcv(sandbox, orderId)).random.value;
    expect(fresh).not.toBe(old);
    await expect.poll(() => panel.locator('.dcv-value code').allTextContents()).toEqual([name, fresh]);
    expect(await panel.getByRole('button', { name: 'New value' }).count()).toBe(0);
    await history.close();
  });

  it('switched to email, lists the addresses DigiCert writes to', async () => {
    const name = 'mail.example.com';
    const { orderId } = await placeAndFollow(name);
    const { history, panel } = await historyPanel(orderId);
    await panel.getByLabel('Validation method').selectOption('email');
    await panel.getByRole('button', { name: 'Change method' }).click();
    // The sandbox answers the constructed addresses (GET /domain/{id}/dcv/emails).
    await panel.getByText(`admin@${name}`).waitFor({ timeout: 15_000 });
    expect(await panel.locator('.dcv-recipients code').allTextContents()).toEqual(
      ['admin', 'administrator', 'webmaster', 'hostmaster', 'postmaster'].map((box) => `${box}@${name}`),
    );
    expect(await panel.getByRole('button', { name: 'Resend the emails' }).count()).toBe(1);
    expect(await violationsWithin(history, `#order-${orderId}`)).toEqual([]);
    await history.close();
  });
});
