/**
 * Chromium with the production build under an organization's policy. Chromium on Linux reads
 * policies from /etc/chromium/policies/managed/*.json (Debian's package; Google Chrome uses
 * /etc/opt/chrome/policies/managed/), one directory for the whole machine, and other end-to-end
 * files run at the same time. So the build is loaded from a copy at a path of its own: an unpacked
 * extension's id is made from its absolute path, and the policy is written for that id only, in a
 * file of its own that `remove()` deletes (call it in afterAll, which runs after a failure too).
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionBrowser, launchExtension } from './browser';

export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * The id Chromium gives an unpacked extension: the first 16 bytes of the SHA-256 of its absolute
 * path, each hex digit 0-f written as a letter a-p (crx_file::id_util::GenerateIdForPath).
 */
export function unpackedExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

export interface PolicyBrowser extends ExtensionBrowser {
  /** Writes (or rewrites) this extension's policy; Chromium notices the file changed. */
  setPolicy: (policy: Record<string, unknown>) => void;
  /** Asks Chromium to read the policies again now (chrome://policy's "Reload policies"). */
  reloadPolicies: () => Promise<void>;
  /** Removes the policy file and the copy of the build. */
  remove: () => void;
}

/** A copy of the build at a unique path, its id, and the policy file written for that id. */
export function preparePolicyCopy(policy: Record<string, unknown>) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No production build at ${EXTENSION_DIR}. Run: npm run build`);
  const copy = realpathSync(mkdtempSync(join(tmpdir(), 'certcentral-policy-ext-')));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  const extensionId = unpackedExtensionId(copy);
  mkdirSync(POLICY_DIR, { recursive: true });
  const file = join(POLICY_DIR, `certcentral-companion-e2e-${randomUUID()}.json`);
  const setPolicy = (value: Record<string, unknown>) =>
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: value } } }, null, 2));
  setPolicy(policy);
  const remove = () => {
    rmSync(file, { force: true });
    rmSync(copy, { recursive: true, force: true });
  };
  return { copy, extensionId, file, setPolicy, remove };
}

export async function launchWithPolicy(
  sandboxPort: number,
  policy: Record<string, unknown>,
): Promise<PolicyBrowser> {
  const prepared = preparePolicyCopy(policy);
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchExtension(sandboxPort, { extensionDir: prepared.copy });
    if (browser.extensionId !== prepared.extensionId)
      throw new Error(`Chromium gave the copy the id ${browser.extensionId}, not ${prepared.extensionId}`);
    const { context } = browser;
    return {
      ...browser,
      setPolicy: prepared.setPolicy,
      reloadPolicies: async () => {
        const page: Page = await context.newPage();
        try {
          await page.goto('chrome://policy');
          await page.locator('#reload-policies').click();
          await page.waitForTimeout(500);
        } finally {
          await page.close();
        }
      },
      remove: prepared.remove,
    };
  } catch (error) {
    await browser?.close();
    prepared.remove();
    throw error;
  }
}

/** What the extension reads from storage.managed, from one of its pages: proof Chromium applied it. */
export function readManagedStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } };
    };
    return chrome.storage.managed.get(null);
  });
}
