/**
 * Screenshots of the popup and options page, light and dark, against the sandbox:
 * npx tsx scripts/screenshots.ts  (after npm run build). Written to assets/screenshots/.
 */
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/browser';
import { SANDBOX_KEYS } from '../tests/sandbox/seed';
import { startSandbox } from '../tests/sandbox/server';

const out = (name: string) => resolve(import.meta.dirname, '../assets/screenshots', `${name}.png`);
const sandbox = await startSandbox({ port: 0 });

for (const scheme of ['light', 'dark'] as const) {
  const browser = await launchExtension(sandbox.port, { colorScheme: scheme });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 640 });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 260 });
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.locator('main .card').waitFor();
  await popup.screenshot({ path: out(`popup-no-key-${scheme}`) });

  await page.goto(browser.extensionUrl('options.html'));
  await page.getByLabel('API key').waitFor();
  await page.screenshot({ path: out(`options-no-key-${scheme}`) });
  await page.getByLabel('API key').fill(SANDBOX_KEYS.admin);
  await page.getByRole('button', { name: 'Save key' }).click();
  await page.getByText('Connected as').waitFor();
  await page.screenshot({ path: out(`options-connected-${scheme}`), fullPage: true });

  await popup.setViewportSize({ width: 360, height: 340 });
  await popup.reload();
  await popup.getByText('Connected as').waitFor();
  await popup.screenshot({ path: out(`popup-connected-${scheme}`) });
  await browser.close();
}
await sandbox.close();
console.log('Screenshots written to assets/screenshots/');
