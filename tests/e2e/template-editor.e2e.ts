/**
 * The template editor end to end: the production build in Chromium against the sandbox. A person
 * builds the usual EV template in the options page from the account's own choices, saves it, and
 * the stored template holds exactly those fields and sources; delete can be undone; a bad import
 * file changes nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { callBackground } from '../support/extension-calls';
import { readStoredTemplates } from '../support/stored-templates';
import { createEvTemplateInOptions } from '../support/template-ui';

let sandbox: Sandbox;
let browser: ExtensionBrowser;
let page: Page;
const NAME = 'EV shop.example.com';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const saved = await callBackground(page, 'saveApiKey', { apiKey: SANDBOX_KEYS.admin, region: 'us' });
  expect(saved.ok).toBe(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Templates' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The templates as the extension stores them (its private store), read from the extension page itself. */
const storedTemplates = () => readStoredTemplates(page);

describe('template editor', () => {
  it('creates an EV template from the account’s choices', async () => {
    await createEvTemplateInOptions(page, NAME);

    const [stored, ...others] = await storedTemplates();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      name: NAME,
      product: 'ssl_ev_securesite_pro',
      organizationName: 'Sandbox EV Corporation (Sandbox EV)',
    });
    expect(stored?.fields).toEqual({
      'order_validity.years': { source: 'fixed', value: 1 },
      'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
      'certificate.common_name': { source: 'csr' },
      'certificate.dns_names': { source: 'csr' },
      'certificate.csr': { source: 'csr' },
      'organization.id': { source: 'fixed', value: 60001 },
      'organization.contacts': { source: 'fixed', value: [{ contact_type: 'ev_approver', user_id: 100002 }] },
      'container.id': { source: 'fixed', value: 50001 },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
      custom_fields: { source: 'fixed', value: [{ metadata_id: 70001, value: 'CC-42' }] },
    });
    // The list finds it by its organization's name.
    await page.getByRole('textbox', { name: 'Search templates' }).fill('sandbox ev');
    await page.getByRole('listitem').filter({ hasText: NAME }).waitFor();
  });

  it('deletes a template and undoes it', async () => {
    await page.getByRole('button', { name: `Delete ${NAME}` }).click();
    await page.getByText(`Deleted “${NAME}”.`).waitFor();
    expect(await storedTemplates()).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`“${NAME}” is back.`).waitFor();
    expect((await storedTemplates()).map((t) => t.name)).toEqual([NAME]);
  });

  it('refuses a bad import file with the reason and changes nothing', async () => {
    const before = await storedTemplates();
    await page.getByLabel('Import templates (JSON file)').setInputFiles({
      name: 'not-templates.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'something-else', templates: [] })),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'This file was not imported' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/not a templates export/);
    expect(await storedTemplates()).toEqual(before);
  });
});
