/**
 * A newcomer's whole first order, through the UI only, on the production build against the sandbox:
 * the settings open on install, the key is pasted and tested, a template is built in the options
 * page, and an EV order is placed from the popup with a CSR made in the test. The sandbox's request
 * log must hold exactly the body the review showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { type ExtensionBrowser, launchExtension } from '../support/browser';
import { expectSentAsReviewed, openPopup, pasteCsr, reviewedBody } from '../support/setup';
import { evTemplateBody, makeShopCsr } from '../support/shop-order';
import { createEvTemplateInOptions } from '../support/template-ui';

let sandbox: Sandbox;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  browser = await launchExtension(sandbox.port);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('a newcomer places an EV order', () => {
  it('from the settings that open on install to the order in CertCentral', async () => {
    const deadline = Date.now() + 10_000;
    let options = browser.context
      .pages()
      .find((p) => p.url().startsWith(browser.extensionUrl('options.html')));
    while (!options && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      options = browser.context.pages().find((p) => p.url().startsWith(browser.extensionUrl('options.html')));
    }
    if (!options) throw new Error('the settings did not open on install');
    await options.getByLabel('API key').fill(SANDBOX_KEYS.admin);
    await options.getByRole('button', { name: 'Save key' }).click();
    await options.getByText('Connected as Ada Admin').waitFor();
    await createEvTemplateInOptions(options, 'EV for the shop', 'CC-7');

    const csrPem = await makeShopCsr();
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: /EV for the shop/ }).click();
    await pasteCsr(popup, csrPem);
    await expect(popup.locator('.csr-facts').textContent()).resolves.toContain('ECDSA P-256');
    const reviewed = await reviewedBody(popup);
    expect(reviewed).toEqual(evTemplateBody(csrPem, { customFieldValue: 'CC-7', paymentMethod: null }));
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();

    await expectSentAsReviewed(sandbox, reviewed);
    await popup.getByText(/order #\d+/).waitFor();
  });
});
