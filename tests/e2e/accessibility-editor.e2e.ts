/**
 * The long template editor, for a person using a keyboard or a screen reader: what a new template
 * leaves out is folded and says what it holds, its fold buttons work from the keyboard, and unsaved
 * changes are never lost without a question (a dialog that keeps focus, or the browser's own).
 */
import { describe, expect, it } from 'vitest';
import { EV, expectAccessible, useA11yRun } from '../support/a11y-run';
import { tabThrough } from '../support/accessibility-checks';
import { unfold } from '../support/template-ui';

const run = useA11yRun('connected');

describe('the long template editor', () => {
  it('folds what a new template leaves out, saying what it holds; its buttons work from the keyboard', async () => {
    await run.openSettings();
    await run.options.getByRole('button', { name: 'New template' }).click();
    await run.options.getByText('Choices from your account, loaded at').waitFor();
    const validation = run.options.getByRole('button', { name: 'Validation — 3 fields, none set' });
    await expect(validation.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(
      run.options.getByRole('button', { name: /^Product & validity/ }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    const dcv = run.options.getByRole('combobox', { name: 'Source of DCV method' });
    expect(await dcv.count()).toBe(0);

    await validation.focus();
    await run.options.keyboard.press('Enter');
    await dcv.waitFor();
    await expect(validation.getAttribute('aria-expanded')).resolves.toBe('true');
    await run.options.keyboard.press('Space');
    await dcv.waitFor({ state: 'hidden' });
    await expect(validation.getAttribute('aria-expanded')).resolves.toBe('false');

    await unfold(run.options, 'Payment & approval');
    await run.options.getByRole('button', { name: 'Billing address — 6 fields, none set' }).waitFor();
    await run.leaveEditor();
  });

  it('asks before discarding unsaved changes, in a dialog that keeps focus; Escape keeps editing', async () => {
    await run.editTemplate(EV);
    const name = run.options.getByRole('textbox', { name: 'Template name' });
    await name.fill('Web EV, renamed');
    const back = run.options.getByRole('button', { name: 'Back to templates' });
    await back.click();
    const dialog = run.options.getByRole('dialog', { name: `Discard unsaved changes to “${EV}”?` });
    await dialog.waitFor();
    await expectAccessible(run.options, 'settings, question before discarding changes');

    const keep = dialog.getByRole('button', { name: 'Keep editing' });
    await expect(keep.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const focusInDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await run.options.keyboard.press(key);
      await expect(focusInDialog(), `focus after ${key}`).resolves.toBe(true);
    }
    const ring = await tabThrough(run.options);
    expect(ring.stops.map((s) => s.focusRing)).toEqual([true, true]);

    await run.options.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(back.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(name.inputValue()).resolves.toBe('Web EV, renamed');

    await run.options.getByRole('button', { name: 'Cancel', exact: true }).click();
    await run.options.getByRole('button', { name: 'Discard changes' }).click();
    await run.options.getByRole('heading', { name: 'Templates', exact: true }).waitFor();
    await run.options.getByRole('button', { name: `Edit ${EV}` }).waitFor();
  });

  it('has the browser ask before the tab closes with unsaved changes', async () => {
    const page = await run.browser.context.newPage();
    await page.goto(run.browser.extensionUrl('options.html'));
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
