/**
 * Reflow and size: at 200% zoom (the popup at 180px, the settings at 640px: half their usual width)
 * nothing is cut off sideways, the popup at its real size scrolls rather than cutting, and the real
 * toolbar popup opens at least 360px wide and at most 600px high.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EV, unfoldAll, useA11yRun } from '../support/a11y-run';
import { horizontalOverflow, verticalReach } from '../support/accessibility-checks';
import { leaveOrder, pasteCsr } from '../support/setup';

const run = useA11yRun('connected');

describe('reflow and size', () => {
  async function expectNothingCutSideways(page: Page, where: string): Promise<void> {
    const found = await horizontalOverflow(page);
    const wider =
      found.scrollWidth > found.innerWidth ? `${found.scrollWidth}px in ${found.innerWidth}px` : '';
    expect(
      { wider, spilling: found.spilling },
      `${where}: page wider than the window, or content than its box`,
    ).toEqual({
      wider: '',
      spilling: [],
    });
  }

  async function expectScrollsToTheEnd(page: Page, where: string): Promise<void> {
    const reach = await verticalReach(page);
    expect(reach.clipped, `${where}: page cut at the bottom`).toEqual([]);
    expect(reach.scrolled, `${where}: scrolled to the end`).toBeGreaterThanOrEqual(reach.overflow - 1);
  }

  it('the popup at 200% zoom (180px wide) cuts nothing off sideways', async () => {
    const popup = await run.popupAtTemplates(180, 600);
    await popup.getByText('Ada Admin · account #5550001').waitFor();
    await expectNothingCutSideways(popup, 'popup template list at 180px');
    await popup.getByRole('button', { name: EV }).click();
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Not ready to send yet' }).waitFor();
    await expectNothingCutSideways(popup, 'popup order form with errors at 180px');
    await pasteCsr(popup, run.csrPem);
    await popup.getByText('No CSR yet? Make a key and CSR here').click();
    await expectNothingCutSideways(popup, 'popup order form, key generator open, at 180px');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('heading', { name: 'Review the order' }).waitFor();
    await expectNothingCutSideways(popup, 'popup review at 180px');
    await expectScrollsToTheEnd(popup, 'popup review at 180px');
    await leaveOrder(popup);
    await popup.close();
  });

  it('the popup at its real size (360 × 600) scrolls rather than cutting', async () => {
    const popup = await run.popupAtTemplates(360, 600);
    await expectNothingCutSideways(popup, 'popup template list at 360px');
    await expectScrollsToTheEnd(popup, 'popup template list at 360px');
    await popup.getByRole('button', { name: EV }).click();
    await pasteCsr(popup, run.csrPem);
    await expectNothingCutSideways(popup, 'popup order form at 360px');
    const reach = await verticalReach(popup);
    expect(reach.overflow, 'the filled form is taller than the popup').toBeGreaterThan(0);
    await expectScrollsToTheEnd(popup, 'popup order form at 360px');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('heading', { name: 'Review the order' }).waitFor();
    await expectNothingCutSideways(popup, 'popup review at 360px');
    await expectScrollsToTheEnd(popup, 'popup review at 360px');
    await popup.getByRole('button', { name: 'Edit' }).click();
    await leaveOrder(popup);
    await popup.close();
  });

  it('the settings at 200% zoom (640px wide) cut nothing off sideways', async () => {
    await run.options.setViewportSize({ width: 640, height: 800 });
    await run.openSettings();
    await run.options.getByRole('list', { name: 'Order history' }).getByRole('listitem').first().waitFor();
    await run.options.getByRole('list', { name: 'Expiring orders' }).getByRole('listitem').first().waitFor();
    await expectNothingCutSideways(run.options, 'settings at 640px');
    await run.editTemplate(EV);
    await unfoldAll(run.options);
    await expectNothingCutSideways(run.options, 'template editor at 640px');
    await run.options.getByRole('textbox', { name: 'Template name' }).fill('Renamed');
    await run.options.getByRole('button', { name: 'Back to templates' }).click();
    await run.options.getByRole('dialog').waitFor();
    await expectNothingCutSideways(run.options, 'question before discarding changes at 640px');
    await run.options.getByRole('button', { name: 'Discard changes' }).click();
    await run.options.setViewportSize({ width: 1100, height: 800 });
  });
});

describe('the real popup', () => {
  type PopupSize = { width: number; height: number; scrollWidth: number; scrollHeight: number };
  /**
   * Runs `body` (with `w`, the toolbar popup's window) from the settings page: same extension, same
   * process. Through the DevTools protocol, as the pages' CSP forbids building functions from text.
   */
  async function inPopup<T>(body: string): Promise<T> {
    const cdp = await run.options.context().newCDPSession(run.options);
    try {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `(() => {
          const [w] = chrome.extension.getViews({ type: 'popup' });
          return w ? ((w) => { ${body} })(w) : null;
        })()`,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    } finally {
      await cdp.detach();
    }
  }
  const size = () =>
    inPopup<PopupSize | null>(
      'return { width: w.innerWidth, height: w.innerHeight, scrollWidth: w.document.documentElement.scrollWidth, scrollHeight: w.document.documentElement.scrollHeight }',
    );

  it('opens from the toolbar at least 360px wide, at most 600px high, and scrolls what is taller', async () => {
    await run.openSettings();
    await run.options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
      ).chrome.action.openPopup(),
    );
    const shows = (selector: string) =>
      expect
        .poll(() => inPopup(`return w.document.querySelector(${JSON.stringify(selector)}) !== null`))
        .toBe(true);
    await shows('.template-choice');
    // Chrome sizes a popup to its content: 360px, plus a scrollbar's width when it needs one.
    await expect.poll(async () => (await size())?.width).toBeGreaterThanOrEqual(360);

    try {
      // The order form with a CSR and the key generator open: taller than the 600px a popup may have.
      await inPopup('w.document.querySelector(".template-choice").click()');
      await shows('details.generate');
      await inPopup(`
        w.document.querySelector("details.generate").open = true;
        const csr = w.document.getElementById("csr-text");
        csr.value = ${JSON.stringify(run.csrPem)};
        csr.dispatchEvent(new w.Event("input", { bubbles: true }));`);
      await shows('.csr-facts');
      // Chrome also keeps a popup inside the browser window, which may allow less than 600px.
      await expect
        .poll(async () => ((await size())?.scrollHeight ?? 0) > ((await size())?.height ?? 0))
        .toBe(true);
      const tall = await size();
      if (!tall) throw new Error('the popup closed');
      expect(tall.height).toBeLessThanOrEqual(600);
      expect(tall.width).toBeGreaterThanOrEqual(360);
      expect(tall.scrollWidth).toBeLessThanOrEqual(tall.width);
      const bottom = await inPopup<number>('w.scrollTo(0, 1e6); return w.scrollY');
      expect(bottom).toBe(tall.scrollHeight - tall.height);
    } finally {
      // Leaves the order (its draft would reopen the form) and closes the popup.
      await inPopup('w.document.querySelector(".order-flow button.link")?.click()');
      await shows('.template-choice');
      await inPopup('w.close()');
    }
  });
});
