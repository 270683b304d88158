/**
 * Accessibility of every view, on the production build against the sandbox: axe-core's WCAG 2.x
 * A/AA rules in the light and the dark scheme, reflow at 200% zoom (the popup at 180px, the
 * settings at 640px: half their usual width), the popup at its real size scrolling rather than
 * cutting, every control reached by Tab with a visible focus indicator, errors tied to their fields
 * and announced, and the long template editor's folding and its question before unsaved changes
 * are lost. The views are reached the way a person reaches them, one after the other in one browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { addIssuedOrders } from '../sandbox/seed/bulk';
import { type Sandbox, startSandbox } from '../sandbox/server';
import {
  horizontalOverflow,
  invalidFields,
  tabThrough,
  verticalReach,
  violationsInBothSchemes,
} from '../support/accessibility-checks';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { openConsoleOrder, openPopup, pasteCsr } from '../support/setup';
import { evTemplate, renewalTemplate, storeTemplates } from '../support/stored-templates';
import { unfold } from '../support/template-ui';

/** Two OV orders expiring in 20 days, renewed together with the OV renewal template. */
const BULK = [10000200, 10000201];
/** A 3-year plan whose certificate ends long before the plan: the popup offers a free reissue. */
const PLAN = 10000004;
const PASSPHRASE = 'correct horse battery staple';
const EV = 'Web EV (sandbox)';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let options: Page;
let csrPem: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  addIssuedOrders(sandbox.state, new Date(), { count: BULK.length, firstId: BULK[0] ?? 0, daysLeft: 20 });
  browser = await launchExtension(sandbox.port);
  options = await browser.context.newPage();
  await openSettings();
  const names = { commonName: 'a11y.example.com', dnsNames: ['www.a11y.example.com'] };
  csrPem = (await generateKeyAndCsr({ ...names, keyType: 'ECDSA-P256' })).csrPem;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function openSettings(hash = ''): Promise<void> {
  await options.goto(browser.extensionUrl(`options.html${hash}`));
  await options.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
}

/** axe in both schemes; every violation is printed with its rule, impact, element and snippet. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const found = await violationsInBothSchemes(page, where);
  // Soft: one view's violations do not hide the next view's.
  expect.soft(found.join('\n'), 'axe violations: rule (impact) at element — help, snippet').toBe('');
}

/**
 * Fields are marked invalid, each says its problem through aria-describedby, and that problem sits
 * in a live region (announced when it appeared). `problems`: what the marked fields say, together.
 */
async function expectErrorsTiedToFields(page: Page, problems: RegExp[]): Promise<void> {
  const fields = await invalidFields(page);
  expect(fields.length, 'fields marked aria-invalid').toBeGreaterThan(0);
  for (const field of fields)
    expect(field.announcedText, `${field.field} says why it is invalid, in a live region`).not.toBe('');
  const said = fields.map((f) => f.announcedText).join(' ');
  for (const problem of problems) expect(said).toMatch(problem);
}

async function saveKey(key: string): Promise<void> {
  const replace = options.getByRole('button', { name: 'Replace key' });
  if (await replace.isVisible()) await replace.click();
  await options.getByLabel('API key').fill(key);
  await options.getByRole('button', { name: 'Save key' }).click();
}

async function popupOf(width = 360, height = 600): Promise<Page> {
  const popup = await openPopup(browser, height);
  await popup.setViewportSize({ width, height });
  return popup;
}

/** The popup at its template list: an order left open by an earlier step is left first. */
async function popupAtTemplates(width = 360, height = 600): Promise<Page> {
  const popup = await popupOf(width, height);
  const leave = popup.getByRole('button', { name: /^(← Templates|New order)$/ });
  const template = popup.getByRole('button', { name: EV });
  await template.or(leave).first().waitFor();
  if (await leave.isVisible()) await leave.click();
  await template.waitFor();
  return popup;
}

/** Opens every folded group and part of the template editor, so that all its fields are checked. */
async function unfoldAll(page: Page): Promise<void> {
  const folded = page.locator('button.fold-toggle[aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

async function editTemplate(name: string): Promise<void> {
  await options.getByRole('button', { name: `Edit ${name}` }).click();
  await options.getByRole('heading', { name: `Edit “${name}”` }).waitFor();
  await options.getByText('Choices from your account, loaded at').waitFor();
}

async function leaveEditor(): Promise<void> {
  await options.getByRole('button', { name: 'Back to templates' }).click();
  const discard = options.getByRole('button', { name: 'Discard changes' });
  const list = options.getByRole('heading', { name: 'Templates', exact: true });
  await discard.or(list).first().waitFor();
  if (await discard.isVisible()) await discard.click();
  await list.waitFor();
}

describe('axe-core on every view, light and dark', () => {
  it('before a key is saved: the newcomer’s popup and the empty connection settings', async () => {
    const popup = await popupOf();
    await popup.getByText('Connect your CertCentral account').waitFor();
    await popup.getByRole('button', { name: 'Create a template' }).waitFor();
    await expectAccessible(popup, 'popup, no key and no template');
    await popup.close();
    await expectAccessible(options, 'settings, no key');
  });

  it('the connection settings refusing a malformed key and a wrong one, then connected', async () => {
    await saveKey('two words');
    await options
      .getByRole('alert')
      .filter({ hasText: /no spaces/ })
      .waitFor();
    await expectErrorsTiedToFields(options, [/no spaces/]);
    await expectAccessible(options, 'settings, malformed key');

    await saveKey('wrong-key-0000000000');
    await options
      .getByRole('alert')
      .filter({ hasText: /This API key is not valid/ })
      .waitFor();
    await expectAccessible(options, 'settings, wrong key');

    await saveKey(SANDBOX_KEYS.admin);
    await options.getByText('Connected as Ada Admin').waitFor();
    await options.getByRole('list', { name: 'Expiring orders' }).getByRole('listitem').first().waitFor();
    await expectAccessible(options, 'settings, connected, no template, expiring orders');

    await options.getByRole('button', { name: 'Set a passphrase…' }).click();
    await options.getByLabel('New passphrase').fill('short');
    await options.getByRole('button', { name: 'Set passphrase' }).click();
    await options.getByRole('alert').first().waitFor();
    await expectAccessible(options, 'settings, passphrase form refusing a short one');
    await options.getByRole('button', { name: 'Cancel' }).first().click();
  });

  it('the template editor: new, every group open, then with field errors after a refused save', async () => {
    await options.getByRole('button', { name: 'New template' }).click();
    await options.getByRole('heading', { name: 'New template' }).waitFor();
    await options.getByText('Choices from your account, loaded at').waitFor();
    await expectAccessible(options, 'settings, new template');
    await unfoldAll(options);
    await expectAccessible(options, 'settings, new template, every group open');

    await options.getByRole('button', { name: 'Save template' }).click();
    await options.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await expectErrorsTiedToFields(options, [/Give the template a name/, /Fill in a value/]);
    await expectAccessible(options, 'settings, template editor with field errors');
    await leaveEditor();
  });

  it('the settings with templates: the list and a filled editor, every group open', async () => {
    await storeTemplates(options, [evTemplate(60001), renewalTemplate()]);
    await options.reload();
    await options.getByRole('listitem').filter({ hasText: EV }).waitFor();
    await expectAccessible(options, 'settings, template list');

    await editTemplate(EV);
    await expectAccessible(options, 'settings, template editor filled');
    await unfoldAll(options);
    await expectAccessible(options, 'settings, template editor filled, every group open');
    await leaveEditor();
  });

  it('the popup’s order: template list, form with errors, filled form, review, sent', async () => {
    const popup = await popupOf();
    await popup.getByText('Ada Admin · account #5550001').waitFor();
    await popup.getByRole('button', { name: EV }).waitFor();
    await expectAccessible(popup, 'popup, template list');

    await popup.getByRole('button', { name: EV }).click();
    await popup.getByLabel('Years of coverage').fill('7');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Not ready to send yet' }).waitFor();
    await expectErrorsTiedToFields(popup, [/year/i]);
    await popup.getByText('No CSR yet? Make a key and CSR here').click();
    await expectAccessible(popup, 'popup, order form with errors, CSR generator open');

    await popup.getByLabel('Years of coverage').fill('1');
    await pasteCsr(popup, csrPem);
    await expectAccessible(popup, 'popup, order form filled');

    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('heading', { name: 'Review the order' }).waitFor();
    await expectAccessible(popup, 'popup, review');

    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();
    await popup.getByText(/order #\d+/).waitFor();
    await expectAccessible(popup, 'popup, sent');
    await popup.close();
  });

  it('the settings’ order history with an entry', async () => {
    await options.reload();
    await options.getByRole('list', { name: 'Order history' }).getByRole('listitem').first().waitFor();
    await expectAccessible(options, 'settings, order history');
  });

  it('the popup renewing the order on the open CertCentral page, and offering a free reissue', async () => {
    const renewed = await openConsoleOrder(browser, 10000002);
    const popup = await popupOf();
    await popup.getByRole('heading', { name: 'Renew order #10000002' }).waitFor();
    await popup.getByText('api.example.com', { exact: true }).waitFor();
    await expectAccessible(popup, 'popup, renewal from a console page, with recent orders');
    await popup.close();
    await renewed.close();

    const plan = await openConsoleOrder(browser, PLAN);
    const reissue = await popupOf();
    await reissue.getByRole('button', { name: 'Reissue for free instead…' }).click();
    await reissue.getByLabel('Paste the CSR, or drop its file here').waitFor();
    await expectAccessible(reissue, 'popup, free reissue');
    await reissue.close();
    await plan.close();
  });

  it('the settings’ bulk renewal: selection, then results', async () => {
    await options.goto(browser.extensionUrl(`options.html#renew=${BULK.join(',')}`));
    await options.reload();
    const renew = options.getByRole('button', { name: `Renew ${BULK.length} selected` });
    await renew.waitFor();
    await expectAccessible(options, 'settings, bulk renewal selection');
    await renew.click();
    await options.getByText(/handled · finished/).waitFor({ timeout: 45_000 });
    await expectAccessible(options, 'settings, bulk renewal results');
  });

  it('the popup’s unlock prompt while the key is locked', async () => {
    await openSettings();
    await options.getByRole('button', { name: 'Set a passphrase…' }).click();
    await options.getByLabel('New passphrase').fill(PASSPHRASE);
    await options.getByLabel('Passphrase again').fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Set passphrase' }).click();
    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByText('locked with a passphrase').waitFor();
    await expectAccessible(options, 'settings, key locked');

    const popup = await popupOf();
    await popup.getByRole('heading', { name: 'The API key is locked' }).waitFor();
    await popup.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup
      .getByRole('alert')
      .filter({ hasText: /does not unlock/ })
      .waitFor();
    await expectErrorsTiedToFields(popup, [/does not unlock/]);
    await expectAccessible(popup, 'popup, unlock prompt with a wrong passphrase');
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByRole('heading', { name: 'The API key is locked' }).waitFor({ state: 'detached' });
    await popup.close();
  }, 90_000);
});

describe('the long template editor', () => {
  it('folds what a new template leaves out, saying what it holds; its buttons work from the keyboard', async () => {
    await openSettings();
    await options.getByRole('button', { name: 'New template' }).click();
    await options.getByText('Choices from your account, loaded at').waitFor();
    const validation = options.getByRole('button', { name: 'Validation — 3 fields, none set' });
    await expect(validation.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(
      options.getByRole('button', { name: /^Product & validity/ }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    const dcv = options.getByRole('combobox', { name: 'Source of DCV method' });
    expect(await dcv.count()).toBe(0);

    await validation.focus();
    await options.keyboard.press('Enter');
    await dcv.waitFor();
    await expect(validation.getAttribute('aria-expanded')).resolves.toBe('true');
    await options.keyboard.press('Space');
    await dcv.waitFor({ state: 'hidden' });
    await expect(validation.getAttribute('aria-expanded')).resolves.toBe('false');

    await unfold(options, 'Payment & approval');
    await options.getByRole('button', { name: 'Billing address — 6 fields, none set' }).waitFor();
    await leaveEditor();
  });

  it('asks before discarding unsaved changes, in a dialog that keeps focus; Escape keeps editing', async () => {
    await editTemplate(EV);
    const name = options.getByRole('textbox', { name: 'Template name' });
    await name.fill('Web EV, renamed');
    const back = options.getByRole('button', { name: 'Back to templates' });
    await back.click();
    const dialog = options.getByRole('dialog', { name: `Discard unsaved changes to “${EV}”?` });
    await dialog.waitFor();
    await expectAccessible(options, 'settings, question before discarding changes');

    const keep = dialog.getByRole('button', { name: 'Keep editing' });
    await expect(keep.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const focusInDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await options.keyboard.press(key);
      await expect(focusInDialog(), `focus after ${key}`).resolves.toBe(true);
    }
    const ring = await tabThrough(options);
    expect(ring.stops.map((s) => s.focusRing)).toEqual([true, true]);

    await options.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(back.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(name.inputValue()).resolves.toBe('Web EV, renamed');

    await options.getByRole('button', { name: 'Cancel', exact: true }).click();
    await options.getByRole('button', { name: 'Discard changes' }).click();
    await options.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
    await options.getByRole('button', { name: `Edit ${EV}` }).waitFor();
  });

  it('has the browser ask before the tab closes with unsaved changes', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.getByRole('button', { name: `Edit ${EV}` }).click();
    const name = page.getByRole('textbox', { name: 'Template name' });
    // A click: the browser asks only on a page the person has interacted with.
    await name.click();
    await name.fill('Changed, not saved');
    const [asked] = await Promise.all([page.waitForEvent('dialog'), page.close({ runBeforeUnload: true })]);
    expect(asked.type()).toBe('beforeunload');
    const closed = page.waitForEvent('close');
    await asked.accept();
    await closed;
  });
});

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
    const popup = await popupAtTemplates(180, 600);
    await popup.getByText('Ada Admin · account #5550001').waitFor();
    await expectNothingCutSideways(popup, 'popup template list at 180px');
    await popup.getByRole('button', { name: EV }).click();
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Not ready to send yet' }).waitFor();
    await expectNothingCutSideways(popup, 'popup order form with errors at 180px');
    await pasteCsr(popup, csrPem);
    await popup.getByText('No CSR yet? Make a key and CSR here').click();
    await expectNothingCutSideways(popup, 'popup order form, key generator open, at 180px');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('heading', { name: 'Review the order' }).waitFor();
    await expectNothingCutSideways(popup, 'popup review at 180px');
    await expectScrollsToTheEnd(popup, 'popup review at 180px');
    await popup.getByRole('button', { name: '← Templates' }).click();
    await popup.close();
  });

  it('the popup at its real size (360 × 600) scrolls rather than cutting', async () => {
    const popup = await popupAtTemplates(360, 600);
    await expectNothingCutSideways(popup, 'popup template list at 360px');
    await expectScrollsToTheEnd(popup, 'popup template list at 360px');
    await popup.getByRole('button', { name: EV }).click();
    await pasteCsr(popup, csrPem);
    await expectNothingCutSideways(popup, 'popup order form at 360px');
    const reach = await verticalReach(popup);
    expect(reach.overflow, 'the filled form is taller than the popup').toBeGreaterThan(0);
    await expectScrollsToTheEnd(popup, 'popup order form at 360px');
    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByRole('heading', { name: 'Review the order' }).waitFor();
    await expectNothingCutSideways(popup, 'popup review at 360px');
    await expectScrollsToTheEnd(popup, 'popup review at 360px');
    await popup.getByRole('button', { name: 'Edit' }).click();
    await popup.getByRole('button', { name: '← Templates' }).click();
    await popup.close();
  });

  it('the settings at 200% zoom (640px wide) cut nothing off sideways', async () => {
    await options.setViewportSize({ width: 640, height: 800 });
    await openSettings();
    await options.getByRole('list', { name: 'Order history' }).getByRole('listitem').first().waitFor();
    await options.getByRole('list', { name: 'Expiring orders' }).getByRole('listitem').first().waitFor();
    await expectNothingCutSideways(options, 'settings at 640px');
    await editTemplate(EV);
    await unfoldAll(options);
    await expectNothingCutSideways(options, 'template editor at 640px');
    await options.getByRole('textbox', { name: 'Template name' }).fill('Renamed');
    await options.getByRole('button', { name: 'Back to templates' }).click();
    await options.getByRole('dialog').waitFor();
    await expectNothingCutSideways(options, 'question before discarding changes at 640px');
    await options.getByRole('button', { name: 'Discard changes' }).click();
    await options.setViewportSize({ width: 1100, height: 800 });
  });
});

describe('the real popup', () => {
  type PopupSize = { width: number; height: number; scrollWidth: number; scrollHeight: number };
  /**
   * Runs `body` (with `w`, the toolbar popup's window) from the settings page: same extension, same
   * process. Through the DevTools protocol, as the pages' CSP forbids building functions from text.
   */
  async function inPopup<T>(body: string): Promise<T> {
    const cdp = await options.context().newCDPSession(options);
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
    await openSettings();
    await options.evaluate(() =>
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
        csr.value = ${JSON.stringify(csrPem)};
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

describe('keyboard', () => {
  async function expectTabReachesAllWithFocusRing(page: Page, where: string): Promise<void> {
    const { stops, unreached } = await tabThrough(page);
    expect(stops.length, `${where}: Tab stops`).toBeGreaterThan(3);
    expect(unreached, `${where}: controls Tab never reached`).toEqual([]);
    expect(
      stops.filter((s) => !s.focusRing).map((s) => s.name),
      `${where}: focused without a visible indicator`,
    ).toEqual([]);
  }

  it('reaches every control of the popup with a visible focus indicator', async () => {
    const popup = await popupAtTemplates();
    await popup.getByText('Ada Admin · account #5550001').waitFor();
    await expectTabReachesAllWithFocusRing(popup, 'popup template list');
    await popup.getByRole('button', { name: EV }).click();
    await popup.getByText('No CSR yet? Make a key and CSR here').click();
    await expectTabReachesAllWithFocusRing(popup, 'popup order form');
    await popup.getByRole('button', { name: '← Templates' }).click();
    await popup.close();
  });

  it('reaches every control of the settings and the editor with a visible focus indicator', async () => {
    await openSettings();
    await options.getByRole('list', { name: 'Order history' }).getByRole('listitem').first().waitFor();
    await expectTabReachesAllWithFocusRing(options, 'settings');
    await editTemplate(EV);
    await unfoldAll(options);
    await expectTabReachesAllWithFocusRing(options, 'template editor, every group open');
    await leaveEditor();
  });
});
