/**
 * Accessibility of every view, on the production build against the sandbox: axe-core's WCAG 2.x
 * A/AA rules in the light and the dark scheme, and errors tied to their fields and announced. The
 * views are reached the way a person reaches them, one after the other in one browser, from the
 * newcomer's first popup to a locked key. The template editor, reflow and size, and the keyboard
 * have files of their own (accessibility-*.e2e.ts).
 */
import { describe, it } from 'vitest';
import { SANDBOX_KEYS } from '../sandbox/seed';
import {
  BULK,
  EV,
  expectAccessible,
  expectErrorsTiedToFields,
  unfoldAll,
  useA11yRun,
} from '../support/a11y-run';
import { openConsoleOrder, pasteCsr } from '../support/setup';
import { evTemplate, renewalTemplate, storeTemplates } from '../support/stored-templates';

/** A 3-year plan whose certificate ends long before the plan: the popup offers a free reissue. */
const PLAN = 10000004;
const PASSPHRASE = 'correct horse battery staple';

const run = useA11yRun('no key');

async function saveKey(key: string): Promise<void> {
  const replace = run.options.getByRole('button', { name: 'Replace key' });
  if (await replace.isVisible()) await replace.click();
  await run.options.getByLabel('API key').fill(key);
  await run.options.getByRole('button', { name: 'Save key' }).click();
}

describe('axe-core on every view, light and dark', () => {
  it('before a key is saved: the newcomer’s popup and the empty connection settings', async () => {
    const popup = await run.popupOf();
    await popup.getByText('Connect your CertCentral account').waitFor();
    await popup.getByRole('button', { name: 'Create a template' }).waitFor();
    await expectAccessible(popup, 'popup, no key and no template');
    await popup.close();
    await expectAccessible(run.options, 'settings, no key');
  });

  it('the connection settings refusing a malformed key and a wrong one, then connected', async () => {
    await saveKey('two words');
    await run.options
      .getByRole('alert')
      .filter({ hasText: /no spaces/ })
      .waitFor();
    await expectErrorsTiedToFields(run.options, [/no spaces/]);
    await expectAccessible(run.options, 'settings, malformed key');

    await saveKey('wrong-key-0000000000');
    await run.options
      .getByRole('alert')
      .filter({ hasText: /This API key is not valid/ })
      .waitFor();
    await expectAccessible(run.options, 'settings, wrong key');

    await saveKey(SANDBOX_KEYS.admin);
    await run.options.getByText('Connected as Ada Admin').waitFor();
    await run.options.getByRole('list', { name: 'Expiring orders' }).getByRole('listitem').first().waitFor();
    await expectAccessible(run.options, 'settings, connected, no template, expiring orders');

    await run.options.getByRole('button', { name: 'Set a passphrase…' }).click();
    await run.options.getByLabel('New passphrase').fill('short');
    await run.options.getByRole('button', { name: 'Set passphrase' }).click();
    await run.options.getByRole('alert').first().waitFor();
    await expectAccessible(run.options, 'settings, passphrase form refusing a short one');
    await run.options.getByRole('button', { name: 'Cancel' }).first().click();
  });

  it('the template editor: new, every group open, then with field errors after a refused save', async () => {
    await run.options.getByRole('button', { name: 'New template' }).click();
    await run.options.getByRole('heading', { name: 'New template' }).waitFor();
    await run.options.getByText('Choices from your account, loaded at').waitFor();
    await expectAccessible(run.options, 'settings, new template');
    await unfoldAll(run.options);
    await expectAccessible(run.options, 'settings, new template, every group open');

    await run.options.getByRole('button', { name: 'Save template' }).click();
    await run.options.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    await expectErrorsTiedToFields(run.options, [/Give the template a name/, /Fill in a value/]);
    await expectAccessible(run.options, 'settings, template editor with field errors');
    await run.leaveEditor();
  });

  it('the settings with templates: the list and a filled editor, every group open', async () => {
    await storeTemplates(run.options, [evTemplate(60001), renewalTemplate()]);
    await run.options.reload();
    await run.options.getByRole('listitem').filter({ hasText: EV }).waitFor();
    await expectAccessible(run.options, 'settings, template list');

    await run.editTemplate(EV);
    await expectAccessible(run.options, 'settings, template editor filled');
    await unfoldAll(run.options);
    await expectAccessible(run.options, 'settings, template editor filled, every group open');
    await run.leaveEditor();
  });

  it('the popup’s order: template list, form with errors, filled form, review, sent', async () => {
    const popup = await run.popupOf();
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
    await pasteCsr(popup, run.csrPem);
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
    await run.options.reload();
    await run.options.getByRole('list', { name: 'Order history' }).getByRole('listitem').first().waitFor();
    await expectAccessible(run.options, 'settings, order history');
  });

  it('the popup renewing the order on the open CertCentral page, and offering a free reissue', async () => {
    const renewed = await openConsoleOrder(run.browser, 10000002);
    const popup = await run.popupOf();
    await popup.getByRole('heading', { name: 'Renew order #10000002' }).waitFor();
    await popup.getByText('api.example.com', { exact: true }).waitFor();
    await expectAccessible(popup, 'popup, renewal from a console page, with recent orders');
    await popup.close();
    await renewed.close();

    const plan = await openConsoleOrder(run.browser, PLAN);
    const reissue = await run.popupOf();
    await reissue.getByRole('button', { name: 'Reissue for free instead…' }).click();
    await reissue.getByLabel('Paste the CSR, or drop its file here').waitFor();
    await expectAccessible(reissue, 'popup, free reissue');
    await reissue.close();
    await plan.close();
  });

  it('the settings’ bulk renewal: selection, then results', async () => {
    await run.options.goto(run.browser.extensionUrl(`options.html#renew=${BULK.join(',')}`));
    await run.options.reload();
    const renew = run.options.getByRole('button', { name: `Renew ${BULK.length} selected` });
    await renew.waitFor();
    await expectAccessible(run.options, 'settings, bulk renewal selection');
    await renew.click();
    await run.options.getByText(/handled · finished/).waitFor({ timeout: 45_000 });
    await expectAccessible(run.options, 'settings, bulk renewal results');
  });

  it('the popup’s unlock prompt while the key is locked', async () => {
    await run.openSettings();
    await run.options.getByRole('button', { name: 'Set a passphrase…' }).click();
    await run.options.getByLabel('New passphrase').fill(PASSPHRASE);
    await run.options.getByLabel('Passphrase again').fill(PASSPHRASE);
    await run.options.getByRole('button', { name: 'Set passphrase' }).click();
    await run.options.getByRole('button', { name: 'Lock now' }).click();
    await run.options.getByText('locked with a passphrase').waitFor();
    await expectAccessible(run.options, 'settings, key locked');

    const popup = await run.popupOf();
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
