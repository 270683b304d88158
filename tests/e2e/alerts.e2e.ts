/**
 * Expiry alerts on the production build against the sandbox: "Check now" on the settings page shows
 * one notification per certificate past a reminder day (none for the renewed one), a second check
 * shows none, a certificate that reaches the next reminder day is told once more, the toolbar badge
 * counts what needs the user, the popup lists it, and an order snoozed there leaves the count
 * until the settings page's "Remind me again". Notifications are read back from the service
 * worker (chrome.notifications.getAll) and cleared between checks, so a repeated notice would show.
 * A control removes the stored ledger and sees the same check announce again: the silence of the
 * second check is the ledger's doing.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import { addDays, isoDate } from '../sandbox/state';
import type { ExtensionBrowser } from '../support/browser';
import { openPopup, startConnected, stopConnected } from '../support/setup';

const IN_29 = 10000004;
const IN_13 = 10000002;
const RENEWED = 10000009;
const KEPT = new Set([IN_29, IN_13, RENEWED]);

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let driver: Page;

/** The sandbox account: two certificates expiring (29 and 13 days), one renewed; every other far off. */
function shapeAccount(box: Sandbox): void {
  const now = new Date();
  for (const order of box.state.orders) {
    if (order.status !== 'issued') continue;
    const days = order.id === IN_29 ? 29 : order.id === IN_13 ? 13 : KEPT.has(order.id) ? undefined : 150;
    if (days !== undefined) order.cert_valid_till = isoDate(addDays(now, days));
  }
}

function worker(): Worker {
  const found = browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
  if (!found) throw new Error('no service worker');
  return found;
}

async function shownNotifications(): Promise<string[]> {
  const all = (await worker().evaluate('chrome.notifications.getAll()')) as Record<string, unknown>;
  return Object.keys(all)
    .filter((id) => id.startsWith('alerts:'))
    .sort();
}

async function clearNotifications(): Promise<void> {
  await worker().evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: {
          notifications: {
            getAll(): Promise<Record<string, unknown>>;
            clear(id: string): Promise<boolean>;
          };
        };
      }
    ).chrome.notifications;
    for (const id of Object.keys(await api.getAll())) await api.clear(id);
  });
}

/** Clicks "Check now" and waits for its summary. */
async function checkNow(): Promise<string> {
  const section = driver.getByRole('region', { name: 'Alerts' });
  const status = section.getByRole('status').filter({ hasText: /need renewing|needs renewing/ });
  await section.getByRole('button', { name: 'Check now' }).click();
  await status.waitFor();
  const said = (await status.textContent()) ?? '';
  // The next check's summary must be a new one, not this one still on screen.
  await driver.reload();
  await section.getByRole('button', { name: 'Check now' }).waitFor();
  return said;
}

beforeAll(async () => {
  ({ sandbox, browser, driver } = await startConnected({ prepare: shapeAccount }));
  await driver.goto(browser.extensionUrl('options.html'));
  await driver.getByRole('button', { name: 'Check now' }).waitFor();
  await clearNotifications();
});

afterAll(() => stopConnected({ sandbox, browser }));

describe('expiry alerts', () => {
  it('tells each expiring certificate once for its reminder day, and not the renewed one', async () => {
    expect(await checkNow()).toBe('2 certificates need renewing. 2 new reminders shown.');
    expect(await shownNotifications()).toEqual([`alerts:expiring:${IN_13}`, `alerts:expiring:${IN_29}`]);
  });

  it('tells nothing on the next check', async () => {
    await clearNotifications();
    expect(await checkNow()).toBe('2 certificates need renewing. 0 new reminders shown.');
    expect(await shownNotifications()).toEqual([]);
  });

  it('tells a certificate again once it reaches the next reminder day', async () => {
    const order = sandbox.state.orders.find((o) => o.id === IN_29);
    if (!order) throw new Error('seed order missing');
    order.cert_valid_till = isoDate(addDays(new Date(), 14));
    await clearNotifications();
    expect(await checkNow()).toBe('2 certificates need renewing. 1 new reminder shown.');
    expect(await shownNotifications()).toEqual([`alerts:expiring:${IN_29}`]);
  });

  it('counts what needs the user on the toolbar button and lists it in the popup', async () => {
    await expect.poll(() => worker().evaluate('chrome.action.getBadgeText({})')).toBe('2');
    const popup = await openPopup(browser);
    const list = popup.getByRole('region', { name: 'Needs you' });
    await list.getByRole('listitem').first().waitFor();
    const items = await list.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(`order ${IN_13}`);
    expect(items[1]).toContain(`order ${IN_29}`);
    await expect(list.getByRole('button', { name: 'Renew' }).count()).resolves.toBe(2);
    await popup.close();
  });

  it('control: without the stored ledger the same check announces again', async () => {
    await worker().evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('certcentral-companion');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('private', 'readwrite');
            tx.objectStore('private').delete('alert-ledger');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await clearNotifications();
    expect(await checkNow()).toBe('2 certificates need renewing. 2 new reminders shown.');
    expect(await shownNotifications()).toHaveLength(2);
  });

  it('snoozes an order from the popup, out of the count, and back from the settings', async () => {
    const popup = await openPopup(browser);
    const list = popup.getByRole('region', { name: 'Needs you' });
    const first = list.getByRole('listitem').first();
    await first.getByRole('button', { name: 'Snooze for a week' }).click();
    await list
      .getByRole('status')
      .filter({ hasText: `Order ${IN_13} is snoozed for a week.` })
      .waitFor();
    await expect(first.textContent()).resolves.toContain(`order ${IN_29}`);
    await expect.poll(() => worker().evaluate('chrome.action.getBadgeText({})')).toBe('1');
    await popup.close();

    await driver.reload();
    const snoozed = driver.getByRole('list', { name: 'Snoozed orders' });
    await expect(snoozed.textContent()).resolves.toContain(`Order ${IN_13}, snoozed until`);
    await snoozed.getByRole('button', { name: 'Remind me again' }).click();
    await driver.getByText('No order is snoozed.').waitFor();
    await expect.poll(() => worker().evaluate('chrome.action.getBadgeText({})')).toBe('2');
  });
});
