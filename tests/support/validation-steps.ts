/**
 * For the validation end-to-end tests: the sandbox's DCV state of an order (control API), the
 * extension's notifications as the browser holds them, and the alert settings written as the
 * settings page would keep them.
 */
import type { Page, Worker } from 'playwright-core';
import { sandboxRequest } from '../sandbox/client';
import type { Sandbox } from '../sandbox/server';

export interface SandboxDcv {
  method: string;
  random: { value: string; expires: string };
  domains: { name: string; status: string; token: { value: string; expires: string } }[];
}

async function control(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await sandboxRequest(sandbox.port, method, path, body === undefined ? {} : { body });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.json;
}

export const sandboxDcv = (sandbox: Sandbox, orderId: number) =>
  control(sandbox, 'GET', `/__sandbox/orders/${orderId}/dcv`) as Promise<SandboxDcv>;

/** As if the person had published the order's current value for `domain` (DNS record or file). */
export const publishValue = (sandbox: Sandbox, orderId: number, domain: string) =>
  control(sandbox, 'POST', `/__sandbox/orders/${orderId}/dcv/publish`, { domain });

export const completeOrganization = (sandbox: Sandbox, orderId: number) =>
  control(sandbox, 'POST', `/__sandbox/orders/${orderId}/validation`, {
    organization: 'validated',
    ev_approval: 'approved',
  });

export const moveSandboxClock = (sandbox: Sandbox, body: { advance_days?: number; set?: string }) =>
  control(sandbox, 'POST', '/__sandbox/clock', body);

/** The extension's notifications the browser holds now, by id. */
export async function notificationIds(worker: Worker): Promise<string[]> {
  return Object.keys((await worker.evaluate('chrome.notifications.getAll()')) as Record<string, unknown>);
}

/**
 * Every alert switched on (lib/alerts/settings.ts: the default leaves "domain validated" off), written
 * to the private store as the settings page's save would.
 */
export async function switchOnEveryAlert(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('certcentral-companion', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('private');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('private', 'readwrite');
      tx.objectStore('private').put(
        {
          version: 1,
          thresholds: [30, 14, 7, 1],
          notify: {
            expiring: true,
            tokenExpiring: true,
            stuck: true,
            orderIssued: true,
            validationDone: true,
          },
          stuckDays: 3,
          snoozed: {},
        },
        'alert-settings',
      );
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}
