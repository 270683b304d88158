/**
 * What the accessibility files share: one browser per file with the settings page kept open, the
 * steps a person takes to reach each view, and the checks that print what to fix (the checks
 * themselves run in the page: accessibility-checks.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import { makeTestCsr } from '../sandbox/client';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { addIssuedOrders } from '../sandbox/seed/bulk';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { invalidFields, violationsInBothSchemes } from './accessibility-checks';
import { type ExtensionBrowser, launchExtension } from './browser';
import { callBackground } from './extension-calls';
import { leaveOpenOrder, openPopup } from './setup';
import { evTemplate, renewalTemplate, storeTemplates } from './stored-templates';
import { submitEvOrder } from './submit-order';

/** Two OV orders expiring in 20 days, renewed together with the OV renewal template. */
export const BULK = [10000200, 10000201];
/** The name of evTemplate, the template the popup views are reached through. */
export const EV = 'Web EV (sandbox)';

/**
 * `no key`: the extension as installed, for views that start from nothing. `connected`: the sandbox
 * admin key saved, evTemplate and renewalTemplate stored, and one order in the history.
 */
export type A11yStart = 'no key' | 'connected';

export class A11yRun {
  sandbox!: Sandbox;
  browser!: ExtensionBrowser;
  /** The settings page, kept open the whole file as a person keeps it. */
  options!: Page;
  /** A CSR for a11y.example.com and www. */
  csrPem = '';

  async start(from: A11yStart): Promise<void> {
    this.sandbox = await startSandbox({ port: 0 });
    addIssuedOrders(this.sandbox.state, new Date(), {
      count: BULK.length,
      firstId: BULK[0] ?? 0,
      daysLeft: 20,
    });
    this.browser = await launchExtension(this.sandbox.port);
    this.options = await this.browser.context.newPage();
    await this.openSettings();
    const names = { commonName: 'a11y.example.com', dnsNames: ['www.a11y.example.com'] };
    this.csrPem = (await generateKeyAndCsr({ ...names, keyType: 'ECDSA-P256' })).csrPem;
    if (from === 'no key') return;
    const saved = await callBackground(this.options, 'saveApiKey', {
      apiKey: SANDBOX_KEYS.admin,
      region: 'us',
    });
    if (!saved.ok) throw new Error(`the sandbox key was not saved: ${saved.error.title}`);
    await storeTemplates(this.options, [evTemplate(60001), renewalTemplate()]);
    await submitEvOrder(this.options, await makeTestCsr('history.example.com'), 'history.example.com');
    await this.openSettings();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.sandbox?.close();
  }

  async openSettings(hash = ''): Promise<void> {
    await this.options.goto(this.browser.extensionUrl(`options.html${hash}`));
    await this.options.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
  }

  async popupOf(width = 360, height = 600): Promise<Page> {
    const popup = await openPopup(this.browser, height);
    await popup.setViewportSize({ width, height });
    return popup;
  }

  /** The popup at its template list: an order left open by an earlier step is left first. */
  async popupAtTemplates(width = 360, height = 600): Promise<Page> {
    const popup = await this.popupOf(width, height);
    await leaveOpenOrder(popup);
    await popup.getByRole('button', { name: EV }).waitFor();
    return popup;
  }

  async editTemplate(name: string): Promise<void> {
    await this.options.getByRole('button', { name: `Edit ${name}` }).click();
    await this.options.getByRole('heading', { name: `Edit “${name}”` }).waitFor();
    await this.options.getByText('Choices from your account, loaded at').waitFor();
  }

  async leaveEditor(): Promise<void> {
    await this.options.getByRole('button', { name: 'Back to templates' }).click();
    const discard = this.options.getByRole('button', { name: 'Discard changes' });
    const list = this.options.getByRole('heading', { name: 'Templates', exact: true });
    await discard.or(list).first().waitFor();
    if (await discard.isVisible()) await discard.click();
    await list.waitFor();
  }
}

/** The file's browser and sandbox, started before its tests and closed after them. */
export function useA11yRun(from: A11yStart): A11yRun {
  const run = new A11yRun();
  beforeAll(() => run.start(from));
  afterAll(() => run.stop());
  return run;
}

/** axe in both schemes; every violation is printed with its rule, impact, element and snippet. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const found = await violationsInBothSchemes(page, where);
  // Soft: one view's violations do not hide the next view's.
  expect.soft(found.join('\n'), 'axe violations: rule (impact) at element — help, snippet').toBe('');
}

/**
 * Fields are marked invalid, each says its problem through aria-describedby, and that problem sits
 * in a live region (announced when it appeared). `problems`: what the marked fields say, together.
 */
export async function expectErrorsTiedToFields(page: Page, problems: RegExp[]): Promise<void> {
  const fields = await invalidFields(page);
  expect(fields.length, 'fields marked aria-invalid').toBeGreaterThan(0);
  for (const field of fields)
    expect(field.announcedText, `${field.field} says why it is invalid, in a live region`).not.toBe('');
  const said = fields.map((f) => f.announcedText).join(' ');
  for (const problem of problems) expect(said).toMatch(problem);
}

/** Opens every folded group and part of the template editor, so that all its fields are checked. */
export async function unfoldAll(page: Page): Promise<void> {
  const folded = page.locator('button.fold-toggle[aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}
