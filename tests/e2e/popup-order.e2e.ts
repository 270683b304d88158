/**
 * The popup's order flow on the production build against the sandbox: pick a template, fill what it
 * asks, paste a real CSR made in the test, review the exact body, place the order, and find exactly
 * that body in the sandbox's request log. Also: the draft survives closing the popup, and a refusal
 * by CertCentral brings the filled form back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/accessibility-checks';
import { waitForSubmission } from '../support/extension-calls';
import {
  type Connected,
  EV_ORDER_PATH,
  expectSentAsReviewed,
  leaveOpenOrder,
  openPopup,
  pasteCsr,
  reviewedBody,
  startConnected,
  stopConnected,
} from '../support/setup';
import { evTemplateBody, makeShopCsr } from '../support/shop-order';
import { evTemplate, storeTemplates, storeTemplatesRecord } from '../support/stored-templates';

let run: Connected;
let csrPem: string;

beforeAll(async () => {
  run = await startConnected({ templates: [evTemplate(60001)] });
  csrPem = await makeShopCsr();
});

afterAll(() => stopConnected(run));

describe('popup order', () => {
  it('keeps the place of the account line, so the list does not move when the line comes', async () => {
    // Before any order is placed: what waits for the user would come above the list too.
    // Where the list was when it was first on the page, before the account line could be read.
    await run.browser.context.addInitScript(() => {
      if (location.pathname !== '/popup.html') return;
      new MutationObserver((_changes, observer) => {
        const list = document.getElementById('template-list');
        if (!list) return;
        (window as unknown as { firstListTop: number }).firstListTop = list.getBoundingClientRect().top;
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    const popup = await openPopup(run.browser);
    await popup.getByText(/account #5550001/).waitFor();
    const [first, now] = await popup.evaluate(() => [
      (window as unknown as { firstListTop: number }).firstListTop,
      document.getElementById('template-list')?.getBoundingClientRect().top,
    ]);
    expect(first).toBeGreaterThan(100);
    expect(now).toBe(first);
    await popup.close();
  });

  it('places an order from a template in three steps, sending exactly the reviewed body', async () => {
    const popup = await openPopup(run.browser);
    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).click();
    await popup.getByLabel('Years of coverage').fill('1');
    await pasteCsr(popup, csrPem);
    await expect(popup.locator('.csr-facts').textContent()).resolves.toContain('ECDSA P-256');
    await expect(popup.locator('.csr-facts').textContent()).resolves.toContain('www.shop.example.com');

    // The draft survives closing the popup.
    await popup.waitForTimeout(400);
    await popup.close();
    const again = await openPopup(run.browser);
    await again.locator('.csr-facts').getByText('ECDSA P-256').waitFor();
    await expect(again.getByLabel('Years of coverage').inputValue()).resolves.toBe('1');

    const reviewed = await reviewedBody(again);
    expect(reviewed).toEqual(evTemplateBody(csrPem));
    await again.getByRole('button', { name: 'Place order' }).click();
    await again.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();

    const altId = await expectSentAsReviewed(run.sandbox, reviewed);
    await waitForSubmission(run.driver, altId, (s) => s.state === 'placed');
    await again.close();
  });

  it('places a draft once when two popups show it and both press "Place order", and again from a stale one', async () => {
    const templateButton = (page: Page) => page.getByRole('button', { name: /Web EV \(sandbox\)/ });
    const a = await openPopup(run.browser);
    // An earlier test's draft may still be open: leave it for the template list.
    await leaveOpenOrder(a);
    await templateButton(a).click();
    await a.getByLabel('Years of coverage').fill('1');
    await pasteCsr(a, csrPem);
    await reviewedBody(a);
    await a.waitForTimeout(400);
    // B and C restore the same draft at its review, as a second window would.
    const b = await openPopup(run.browser);
    const c = await openPopup(run.browser);
    for (const page of [b, c]) await page.getByRole('button', { name: 'Place order' }).waitFor();

    const posts = () =>
      run.sandbox.requestLog.filter((e) => e.method === 'POST' && e.path === EV_ORDER_PATH).length;
    const before = posts();
    const ordersBefore = run.sandbox.state.orders.length;
    await Promise.all([
      a.getByRole('button', { name: 'Place order' }).click(),
      b.getByRole('button', { name: 'Place order' }).click(),
    ]);
    for (const page of [a, b])
      await page.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();
    const notes = await Promise.all(
      [a, b].map((page) => page.getByText('This order was already placed').count()),
    );
    expect(notes.sort()).toEqual([0, 1]);

    // C's button is stale by now: pressing it shows the same order and orders nothing.
    await c.waitForTimeout(3000);
    await c.getByRole('button', { name: 'Place order' }).click();
    await c.getByText('This order was already placed').waitFor();
    await expect.poll(() => run.sandbox.state.orders.length).toBe(ordersBefore + 1);
    await c.waitForTimeout(1000);
    expect(posts() - before).toBe(1);
    expect(run.sandbox.state.orders.length - ordersBefore).toBe(1);
    for (const page of [a, b, c]) await page.close();
  });

  it('brings the filled form back when CertCentral refuses the order', async () => {
    // An organization this account does not have: the model accepts it, CertCentral does not.
    await storeTemplates(run.driver, [evTemplate(69999)]);
    const popup = await openPopup(run.browser);
    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).click();
    await pasteCsr(popup, csrPem);
    await expect(popup.locator('.csr-facts').textContent()).resolves.toContain('ECDSA P-256');
    await popup.getByLabel('Comment for the approver').fill('Please approve quickly');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'CertCentral did not take the order' }).waitFor();
    await expect(popup.locator('main').textContent()).resolves.toContain('organization.id');
    await popup.getByRole('button', { name: 'Back to the form' }).click();
    await expect(popup.getByLabel('Comment for the approver').inputValue()).resolves.toBe(
      'Please approve quickly',
    );
    await expect(popup.getByLabel('Paste the CSR, or drop its file here').inputValue()).resolves.toBe(csrPem);
    await popup.close();
  });

  it('lists every template of a long list, the rows below the window a moment after the first screen', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...evTemplate(60001),
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Shop ${String(i).padStart(2, '0')}`,
    }));
    await storeTemplates(run.driver, many);
    const popup = await openPopup(run.browser);
    await leaveOpenOrder(popup);
    const rows = popup.locator('#template-list li');
    await expect.poll(() => rows.count()).toBe(40);
    // The last one, far below the window, is picked like any other.
    await popup.getByRole('button', { name: /^Shop 39/ }).click();
    await popup.getByLabel('Years of coverage').waitFor();
    await popup.close();
  });

  it('says that a newer version saved the templates rather than that there are none', async () => {
    await storeTemplatesRecord(run.driver, { version: 2, templates: [evTemplate(60001)] });
    const popup = await openPopup(run.browser);
    await leaveOpenOrder(popup);
    const alert = popup.getByRole('alert').filter({ hasText: 'Your order templates cannot be listed' });
    await expect(alert.textContent()).resolves.toContain(
      'saved by a newer version of the extension (version 2',
    );
    await expect(popup.getByText(/^No order templates yet/).count()).resolves.toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Open the templates in the settings' }).waitFor();
    await popup.close();
    await storeTemplates(run.driver, [evTemplate(60001)]);
  });
});
