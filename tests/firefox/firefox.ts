/**
 * Launches Firefox ESR through WebDriver BiDi with the Firefox build installed as a temporary
 * add-on, every CertCentral host routed to the local sandbox through a loopback proxy, and every
 * other host refused (so no test can reach the internet).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type LoopbackProxy, startLoopbackProxy } from './loopback-proxy';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

export type FirefoxExtension = {
  browser: Browser;
  proxy: LoopbackProxy;
  /** The gecko id from the built manifest, as Firefox reported it back on install. */
  extensionId: string;
  extensionUrl: (page: string) => string;
  close: () => Promise<void>;
};

function geckoId(): string {
  const manifestPath = resolve(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}. Run: npm run build:firefox`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error('The Firefox build has no browser_specific_settings.gecko.id');
  return id;
}

/** Preferences that keep Firefox on loopback and give the extension a moz-extension host we know. */
function preferences(proxyPort: number, id: string, uuid: string): Record<string, unknown> {
  return {
    // Everything goes through the test proxy, which passes only the CertCentral hosts to the sandbox.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.socks': '',
    'network.proxy.no_proxies_on': '',
    // A refused or failing proxy must fail the request, never fall back to a direct connection.
    'network.proxy.failover_direct': false,
    // Should anything still resolve a name itself, it gets loopback; DNS over HTTPS stays off.
    'network.dns.forceResolve': '127.0.0.1',
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // The moz-extension host is random per profile unless fixed here, before the install. Without the
    // second pref, Firefox 140 replaces the entry with a random one when the add-on is installed.
    'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
    'extensions.webextensions.keepUuidOnUninstall': true,
  };
}

export async function launchFirefoxExtension(sandboxPort: number): Promise<FirefoxExtension> {
  // Fail loudly: a missing browser must never turn end-to-end tests into silent skips.
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR is missing at ${FIREFOX}. Install it with: apt-get install -y firefox-esr`);
  }
  const id = geckoId();
  const uuid = randomUUID();
  const proxy = await startLoopbackProxy(sandboxPort);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      // The sandbox's certificate is self-signed; the session trusts it (and only loopback is reachable).
      acceptInsecureCerts: true,
      extraPrefsFirefox: preferences(proxy.port, id, uuid),
      defaultViewport: { width: 1100, height: 800 },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  const close = async () => {
    await browser.close();
    await proxy.close();
  };
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return {
      browser,
      proxy,
      extensionId: installed,
      extensionUrl: (page) => `moz-extension://${uuid}/${page}`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

type BidiCommands = { send(method: string, params: object): Promise<{ result: unknown }> };
type Tree = { contexts: { context: string; url: string }[] };

/**
 * The session's own WebDriver BiDi connection. Puppeteer's page navigation waits for a
 * navigationStarted event that Firefox 140 does not send for moz-extension documents (its handler
 * fails to find the browsing context), so page.goto() never returns for extension pages and
 * page.url() stays at the previous URL. The raw commands below work; the rest of Puppeteer's page
 * API (evaluate, selectors, input) works on the loaded document.
 */
function bidi(browser: Browser): BidiCommands {
  return (browser as unknown as { connection: BidiCommands }).connection;
}

/** The BiDi browsing context id behind a Puppeteer page (Puppeteer keeps it on the main frame). */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

async function pageForContext(browser: Browser, context: string): Promise<Page> {
  const page = (await browser.pages()).find((p) => contextOf(p) === context);
  if (!page) throw new Error(`no Puppeteer page for browsing context ${context}`);
  return page;
}

/** The top-level tabs and the URL each shows, as Firefox reports them. */
export async function openTabs(browser: Browser): Promise<{ context: string; url: string }[]> {
  const { result } = await bidi(browser).send('browsingContext.getTree', { maxDepth: 0 });
  return (result as Tree).contexts.map(({ context, url }) => ({ context, url }));
}

/** The tab showing `url` that something else opened (the extension itself), waited for. */
export async function waitForTab(browser: Browser, url: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tab = (await openTabs(browser)).find((t) => t.url === url);
    if (tab) return pageForContext(browser, tab.context);
    if (Date.now() > deadline) {
      const seen = (await openTabs(browser)).map((t) => t.url).join(', ');
      throw new Error(`no tab showed ${url} within ${timeoutMs} ms; open tabs: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens `url` in a new tab and returns once the document has loaded. The size is set through BiDi
 * too: Puppeteer's setViewport also sends a screen orientation command Firefox 140 does not know.
 */
export async function openTab(
  browser: Browser,
  url: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage();
  if (viewport)
    await bidi(browser).send('browsingContext.setViewport', { context: contextOf(page), viewport });
  await bidi(browser).send('browsingContext.navigate', {
    context: contextOf(page),
    url,
    wait: 'complete',
  });
  return page;
}
