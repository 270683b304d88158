/**
 * The keyboard: Tab reaches every control of the popup, the settings and the template editor, each
 * with a visible focus indicator.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EV, unfoldAll, useA11yRun } from '../support/a11y-run';
import { tabThrough } from '../support/accessibility-checks';
import { leaveOrder } from '../support/setup';

const run = useA11yRun('connected');

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
    const popup = await run.popupAtTemplates();
    await popup.getByText('Ada Admin · account #5550001').waitFor();
    await expectTabReachesAllWithFocusRing(popup, 'popup template list');
    await popup.getByRole('button', { name: EV }).click();
    await popup.getByText('No CSR yet? Make a key and CSR here').click();
    await expectTabReachesAllWithFocusRing(popup, 'popup order form');
    await leaveOrder(popup);
    await popup.close();
  });

  it('reaches every control of the settings and the editor with a visible focus indicator', async () => {
    await run.openSettings();
    await run.options.getByRole('list', { name: 'Order history' }).getByRole('listitem').first().waitFor();
    await expectTabReachesAllWithFocusRing(run.options, 'settings');
    await run.editTemplate(EV);
    await unfoldAll(run.options);
    await expectTabReachesAllWithFocusRing(run.options, 'template editor, every group open');
    await run.leaveEditor();
  });
});
