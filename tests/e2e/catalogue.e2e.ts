/**
 * Every string the popup and the settings page show comes from the message catalogue
 * (public/_locales/en/messages.json), so that a translation covers the whole extension. A person's
 * way through the main views, from a newcomer's first visit to an order in the history, is checked
 * at each step: what is visible and not marked translate="no" must be a catalogue message.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import {
  englishCatalogue,
  messagePatterns,
  readablesOf,
  uncataloguedTexts,
  unexplained,
} from '../support/catalogue-check';
import { openPopup, pasteCsr } from '../support/setup';
import { evTemplate, renewalTemplate, storeTemplates } from '../support/stored-templates';

const patterns = messagePatterns(englishCatalogue());
let sandbox: Sandbox;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The page's texts that are not messages, for the failure to list them. */
const strays = (page: Page) => uncataloguedTexts(page, patterns);

/** Opens every folded part of the template editor, so all of its fields are read. */
async function unfoldAll(page: Page): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const folded = page.locator('.template-editor button[aria-expanded="false"]');
    if ((await folded.count()) === 0) return;
    await folded.first().click();
  }
}

describe('every visible string comes from the catalogue', () => {
  it('finds a string that is not in the catalogue', async () => {
    await options.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
    const page = await readablesOf(options);
    const planted = [
      {
        where: 'p',
        text: 'Hard-coded words nobody can translate',
        nodes: ['Hard-coded words nobody can translate'],
      },
    ];
    expect(unexplained([...page, ...planted], patterns)).toEqual([
      'p: “Hard-coded words nobody can translate”',
    ]);
  });

  it('for a newcomer: the settings and the popup without a key', async () => {
    await options.getByLabel('API key').waitFor();
    await expect(strays(options)).resolves.toEqual([]);
    const popup = await openPopup(browser);
    await popup.getByText('Connect your CertCentral account').waitFor();
    await popup.getByRole('button', { name: 'Create a template' }).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.close();
  });

  it('in the settings: the connection and the template editor', async () => {
    await options.getByLabel('API key').fill(SANDBOX_KEYS.admin);
    await options.getByRole('button', { name: 'Save key' }).click();
    await options.getByText('Connected as Ada Admin').waitFor();
    await expect(strays(options)).resolves.toEqual([]);

    await options.getByRole('button', { name: 'New template' }).click();
    await options.getByText('Choices from your account, loaded at').waitFor();
    await unfoldAll(options);
    await expect(strays(options)).resolves.toEqual([]);
    await options.getByRole('button', { name: 'Back to templates' }).click();
  });

  it('with templates: the list, the order form, the review and the order placed', async () => {
    await storeTemplates(options, [evTemplate(60001), renewalTemplate()]);
    await options.reload();
    await options.getByRole('button', { name: 'Edit Web EV (sandbox)' }).waitFor();
    await expect(strays(options)).resolves.toEqual([]);

    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).waitFor();
    await popup.getByText(/Ada Admin · account/).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);

    await popup.getByRole('button', { name: /Web EV \(sandbox\)/ }).click();
    await popup.getByLabel('Years of coverage').waitFor();
    await popup.locator('details.generate summary').click();
    await expect(strays(popup)).resolves.toEqual([]);
    const names = { commonName: 'words.example.com', dnsNames: ['www.words.example.com'] };
    await pasteCsr(popup, (await generateKeyAndCsr({ ...names, keyType: 'ECDSA-P256' })).csrPem);
    await expect(strays(popup)).resolves.toEqual([]);

    await popup.getByRole('button', { name: 'Review order' }).click();
    await popup.getByLabel('Request body').waitFor();
    await expect(strays(popup)).resolves.toEqual([]);

    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();
    await popup.getByText(/order #\d+/).waitFor();
    await expect(strays(popup)).resolves.toEqual([]);
    await popup.close();
  });

  it('in the order history and the expiring certificates', async () => {
    await options.reload();
    const history = options.getByRole('list', { name: 'Order history' });
    await history.getByText('words.example.com').waitFor();
    await history.locator('details.timeline summary').first().click();
    await expect(strays(options)).resolves.toEqual([]);

    await options.getByLabel('Expiring within').selectOption('365');
    const expiring = options.getByRole('list', { name: 'Expiring orders' });
    await expiring.getByRole('checkbox').first().check();
    await options.getByRole('button', { name: /^Renew \d+ selected$/ }).waitFor();
    await expect(strays(options)).resolves.toEqual([]);
  });
});
