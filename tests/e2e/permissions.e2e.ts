/**
 * Permissions and CSP end to end: what the built manifests ask for, that Chromium loads the build
 * without a warning, that extension pages reach CertCentral and nothing else, and that choosing
 * Europe goes through the browser's permission prompt. Headless Chromium shows that prompt where
 * no test can click it, so the prompt is left open (the choice must wait) or the page's
 * `chrome.permissions.request` is replaced to answer as the user would; the background's own check
 * is real in every case. docs/permissions.md lists what is and is not covered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox/server';
import { EXTENSION_DIR, type ExtensionBrowser, launchExtension } from '../support/browser';
import { callBackground } from '../support/extension-calls';

const US = 'https://www.digicert.com/*';
const EU = 'https://certcentral.digicert.eu/*';
const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self'; img-src 'self'; " +
  "connect-src https://www.digicert.com https://certcentral.digicert.eu; base-uri 'none'; form-action 'none'";
const FIREFOX_DIR = resolve(EXTENSION_DIR, '../firefox-mv2');

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

const readManifest = (dir: string) => JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));

/** Opens the options page; `answer` replaces the browser's permission prompt with a fixed answer. */
async function openOptions(answer?: boolean): Promise<Page> {
  const page = await browser.context.newPage();
  if (answer !== undefined) {
    await page.addInitScript((granted: boolean) => {
      const { chrome } = globalThis as unknown as { chrome: { permissions: Record<string, unknown> } };
      chrome.permissions.request = (_: unknown, done?: (ok: boolean) => void) =>
        done ? done(granted) : Promise.resolve(granted);
    }, answer);
  }
  await page.goto(browser.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'CertCentral connection' }).waitFor();
  return page;
}

async function savedRegion(page: Page): Promise<string> {
  const reply = await callBackground(page, 'getSettings', undefined);
  if (!reply.ok) throw new Error(reply.error.title);
  return reply.value.region;
}

describe('manifests', () => {
  it('Chrome: US at install, Europe optional, a strict CSP, no external messaging', () => {
    const manifest = readManifest(EXTENSION_DIR);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
    expect(manifest.host_permissions).toEqual([US]);
    // A declared content script's match is a host grant: only the US console is declared.
    expect(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches)).toEqual([
      'https://www.digicert.com/secure/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual([EU]);
    expect(manifest.content_security_policy).toEqual({ extension_pages: CSP });
    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
  });

  it.skipIf(!existsSync(resolve(FIREFOX_DIR, 'manifest.json')))(
    'Firefox (when built): the same, in MV2 form',
    () => {
      const manifest = readManifest(FIREFOX_DIR);
      expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', US]);
      expect(manifest.optional_permissions).toEqual([EU]);
      expect(manifest.content_security_policy).toBe(CSP);
      expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({
        required: ['none'],
      });
    },
  );

  it('Chromium loads the build with no warning or error, and the background runs', async () => {
    expect(browser.worker.url()).toBe(browser.extensionUrl('background.js'));
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions');
    const info = await page.evaluate(
      (id) =>
        new Promise<{ installWarnings: unknown[]; manifestErrors: unknown[]; runtimeErrors: unknown[] }>(
          (done) =>
            (
              globalThis as unknown as {
                chrome: { developerPrivate: { getExtensionInfo(id: string, cb: (i: never) => void): void } };
              }
            ).chrome.developerPrivate.getExtensionInfo(id, done),
        ),
      browser.extensionId,
    );
    expect(info.installWarnings).toEqual([]);
    expect(info.manifestErrors).toEqual([]);
    expect(info.runtimeErrors).toEqual([]);
    await page.close();
  });
});

describe('content security policy', () => {
  it('lets extension pages reach CertCentral and blocks every other origin', async () => {
    const page = await openOptions();
    const results = await page.evaluate(async (port) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const attempt = (url: string) =>
        fetch(url).then(
          (r) => `answered ${r.status}`,
          () => 'blocked',
        );
      const other = await attempt(`https://127.0.0.1:${port}/services/v2/user/me`);
      const us = await attempt('https://www.digicert.com/services/v2/user/me');
      await new Promise((r) => setTimeout(r, 100));
      return { other, us, violations };
    }, sandbox.port);
    expect(results.other).toBe('blocked');
    expect(results.violations).toEqual(['connect-src']);
    // The sandbox answers (no key was sent): what matters is that the request went through.
    expect(results.us).toMatch(/^answered \d{3}$/);
    await page.close();
  });

  it('applies to the background too', async () => {
    const other = await browser.worker.evaluate(
      (port) =>
        fetch(`https://127.0.0.1:${port}/`).then(
          () => 'answered',
          () => 'blocked',
        ),
      sandbox.port,
    );
    expect(other).toBe('blocked');
  });

  it('loads the options page and the popup without a single violation', async () => {
    for (const name of ['options.html', 'popup.html']) {
      const page = await browser.context.newPage();
      const refused: string[] = [];
      page.on(
        'console',
        (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()),
      );
      await page.goto(browser.extensionUrl(name));
      await page.locator('h1, h2').first().waitFor();
      await page.waitForTimeout(300);
      expect(refused, name).toEqual([]);
      await page.close();
    }
  });
});

describe('choosing Europe', () => {
  it('asks the browser, and saves nothing while the prompt is open', async () => {
    const page = await openOptions();
    await page.getByRole('radio', { name: /Europe/ }).click();
    await page.getByText('Waiting for your answer').waitFor();
    expect(await savedRegion(page)).toBe('us');
    await page.close();
  });

  it('keeps US when the user refuses, and says what still works and how to try again', async () => {
    const page = await openOptions(false);
    await page.getByRole('radio', { name: /Europe/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toMatch(
      /Europe was not selected: the browser did not allow access to certcentral\.digicert\.eu/,
    );
    expect(text).toMatch(/still uses the US region/);
    expect(text).toMatch(/choose it again and click “Allow”/);
    expect(await page.getByRole('radio', { name: /US/ }).isChecked()).toBe(true);
    expect(await savedRegion(page)).toBe('us');
    await page.close();
  });

  it('is refused by the background itself without the permission, whatever the page says', async () => {
    const page = await openOptions(true);
    await page.getByRole('radio', { name: /Europe/ }).click();
    await page.getByRole('alert').getByText('The extension may not reach certcentral.digicert.eu.').waitFor();
    expect(await savedRegion(page)).toBe('us');
    const direct = await callBackground(page, 'setRegion', { region: 'eu' });
    expect(direct.ok ? null : direct.error.code).toBe('region_access_missing');
    const withKey = await callBackground(page, 'saveApiKey', {
      apiKey: 'abcdefghij0123456789',
      region: 'eu',
    });
    expect(withKey.ok ? null : withKey.error.code).toBe('region_access_missing');
    await page.close();
    expect(sandbox.requestLog.filter((e) => e.host.includes('digicert.eu'))).toEqual([]);
  });
});
