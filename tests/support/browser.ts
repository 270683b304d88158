/**
 * Launches Debian's Chromium with the production build loaded, with every CertCentral host mapped
 * to the local sandbox and every other host unresolvable (so no test can reach the internet).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { reportOnFailure } from './failure-report';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  extensionUrl: (page: string) => string;
  close: () => Promise<void>;
};

/**
 * `extensions`: more unpacked extensions to load beside the build (test fixtures); `extensionDir`:
 * the build's folder (a copy at a path of its own gets an id of its own: policy-browser.ts).
 */
export function chromiumArgs(
  sandboxPort: number,
  extensions: string[] = [],
  extensionDir = EXTENSION_DIR,
): string[] {
  const loaded = [extensionDir, ...extensions].join(',');
  const rules = [
    `MAP www.digicert.com:443 127.0.0.1:${sandboxPort}`,
    `MAP certcentral.digicert.eu:443 127.0.0.1:${sandboxPort}`,
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ].join(', ');
  return [
    `--disable-extensions-except=${loaded}`,
    `--load-extension=${loaded}`,
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    // Chromium's sandbox cannot run as root (CI, containers); elsewhere keep it on.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

export async function launchExtension(
  sandboxPort: number,
  options: { colorScheme?: 'light' | 'dark'; extensions?: string[]; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  // Fail loudly: a missing browser must never turn end-to-end tests into silent skips.
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No production build at ${extensionDir}. Run: npm run build`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'certcentral-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(sandboxPort, options.extensions, extensionDir),
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1100, height: 800 },
  });
  reportOnFailure(context);
  // The build's worker, not a fixture extension's.
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // A fresh profile installs the extension, whose install handler opens the settings page. Wait for
  // it: a test's own navigation to that page could otherwise be taken over half-way by it.
  const settings = `chrome-extension://${extensionId}/options.html`;
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (context.pages().some((p) => p.url().startsWith(settings))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    context,
    extensionId,
    worker,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
