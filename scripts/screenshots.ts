/**
 * Screenshots of the popup and options page, light and dark, against the sandbox:
 * npx tsx scripts/screenshots.ts  (after npm run build). Written to assets/screenshots/.
 */
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/browser';
import { callBackground, waitForSubmission } from '../tests/e2e/extension-calls';
import { makeTestCsr, sandboxRequest, validEvOrderBody } from '../tests/sandbox/client';
import { SANDBOX_KEYS } from '../tests/sandbox/seed';
import { startSandbox } from '../tests/sandbox/server';

const out = (name: string) => resolve(import.meta.dirname, '../assets/screenshots', `${name}.png`);
const sandbox = await startSandbox({ port: 0 });
const csr = await makeTestCsr('www.example.com');

for (const scheme of ['light', 'dark'] as const) {
  const browser = await launchExtension(sandbox.port, { colorScheme: scheme });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 640 });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 260 });
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.locator('main .card').waitFor();
  await popup.screenshot({ path: out(`popup-no-key-${scheme}`) });

  await page.goto(browser.extensionUrl('options.html'));
  await page.getByLabel('API key').waitFor();
  await page.screenshot({ path: out(`options-no-key-${scheme}`) });
  await page.getByLabel('API key').fill(SANDBOX_KEYS.admin);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByText('Connected as').waitFor();
  await page.screenshot({ path: out(`options-connected-${scheme}`), fullPage: true });

  await popup.setViewportSize({ width: 360, height: 340 });
  await popup.reload();
  await popup.getByText('Connected as').waitFor();
  await popup.screenshot({ path: out(`popup-connected-${scheme}`) });

  // A few orders in the history: issued, waiting, refused.
  const orders: [string, Record<string, unknown>][] = [
    ['www.example.com', {}],
    ['shop.example.com', {}],
    [
      'api.example.com',
      { organization: { id: 69999, contacts: [{ contact_type: 'ev_approver', user_id: 100002 }] } },
    ],
  ];
  const ids: string[] = [];
  for (const [name, changes] of orders) {
    const body = { ...validEvOrderBody(csr, name), ...changes };
    const reply = await callBackground(page, 'submitOrder', {
      product: 'ssl_ev_securesite_pro',
      request: body,
    });
    if (reply.ok && reply.value.accepted) ids.push(reply.value.submission.id);
  }
  const first = await waitForSubmission(page, ids[0] ?? '', (s) => s.state === 'placed');
  await sandboxRequest(sandbox.port, 'POST', `/__sandbox/orders/${first.orderId}/status`, {
    body: { status: 'issued' },
  });
  await waitForSubmission(page, ids[0] ?? '', (s) => s.statusWord === 'done', { refresh: true });
  await waitForSubmission(page, ids[2] ?? '', (s) => s.state === 'failed');
  await page.goto(browser.extensionUrl('options.html#orders'));
  await page.getByRole('list', { name: 'Order history' }).getByRole('listitem').nth(2).waitFor();
  await page.locator('#orders').screenshot({ path: out(`options-orders-${scheme}`) });
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.reload();
  await popup.getByRole('heading', { name: 'Recent orders' }).waitFor();
  await popup.screenshot({ path: out(`popup-orders-${scheme}`), fullPage: true });
  await browser.close();
}
await sandbox.close();
console.log('Screenshots written to assets/screenshots/');
