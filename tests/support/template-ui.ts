/** A person's steps in the options page's template editor, shared by the end-to-end tests. */
import type { Page } from 'playwright-core';

/** Builds the usual EV template from the sandbox account's own choices and saves it. */
export async function createEvTemplateInOptions(
  page: Page,
  name: string,
  costCenter = 'CC-42',
): Promise<void> {
  const combo = (label: string) => page.getByRole('combobox', { name: label, exact: true });
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill(name);
  await combo('Product').selectOption('ssl_ev_securesite_pro');
  await page.getByText('Choices from your account, loaded at').waitFor();

  await combo('Order validity (years)').selectOption('1');
  await combo('Signature hash').selectOption('sha256');
  for (const field of ['Common name', 'Other names (SANs)', 'CSR'])
    await combo(`Source of ${field}`).selectOption('csr');

  await combo('Source of Organization').selectOption('fixed');
  await combo('Organization').selectOption({ label: 'Sandbox EV Corporation (Sandbox EV) (#60001)' });
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await combo('Type of contact 1').selectOption('ev_approver');
  await combo('Person for contact 1').selectOption('100002');
  await combo('Source of Container').selectOption('fixed');
  await combo('Container').selectOption('50001');

  await unfold(page, 'Validation');
  await combo('Source of DCV method').selectOption('fixed');
  await combo('DCV method').selectOption('dns-txt-token');
  await unfold(page, 'Custom fields & comments');
  await combo('Source of Custom fields').selectOption('fixed');
  await page.getByRole('textbox', { name: 'Cost center (required)' }).fill(costCenter);

  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByText(`Saved “${name}”.`).waitFor();
}

/** Opens a group of the editor that is folded (a new template folds the groups it sets nothing in). */
export async function unfold(page: Page, title: string): Promise<void> {
  const words = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const toggle = page.getByRole('button', { name: new RegExp(`^${words}\\b`) });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}
