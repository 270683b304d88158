/**
 * What the browsers of a failed end-to-end test showed when it failed: each tab's address and the
 * start of its text, and the state Chromium gives the extension's service worker. A wait that times
 * out says what it waited for; this says what was there instead (an order form where an offer was
 * expected, an error notice, a worker still stopping), which on a busy CI machine is often the only
 * clue to a failure that does not happen on a quiet one.
 */
import type { BrowserContext, Page } from 'playwright-core';

const open = new Set<BrowserContext>();

/** Keeps `context` in the report of a failing test until it closes. */
export function reportOnFailure(context: BrowserContext): void {
  open.add(context);
  context.once('close', () => open.delete(context));
}

const TEXT_CHARS = 600;
const STEP_MS = 2_000;

/** `promise`, or `fallback` once `ms` have passed: a hung page must not hang the report too. */
function within<T>(promise: Promise<T>, fallback: T, ms = STEP_MS): Promise<T> {
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms)),
  ]);
}

async function pageText(page: Page): Promise<string> {
  const text = await within(
    // biome-ignore lint/performance/useDomNodeTextContent: what the page shows is the point, not its hidden text
    page.locator('body').innerText({ timeout: STEP_MS }),
    '(no text: the page did not answer)',
  );
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TEXT_CHARS ? `${flat.slice(0, TEXT_CHARS)}…` : flat;
}

type VersionState = { scriptURL?: string; runningStatus?: string; status?: string };

/**
 * The service workers' states as Chromium's DevTools protocol reports them (running, stopping,
 * stopped), asked from an extension page: the extension's worker belongs to its origin.
 */
async function workerStates(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const versions = new Map<string, VersionState>();
  session.on(
    'ServiceWorker.workerVersionUpdated',
    (event: { versions: (VersionState & { versionId: string })[] }) => {
      for (const version of event.versions) versions.set(version.versionId, version);
    },
  );
  await session.send('ServiceWorker.enable');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await session.detach().catch(() => undefined);
  return [...versions.values()].map(
    (v) => `${v.scriptURL ?? '?'}: ${v.runningStatus ?? '?'} (${v.status ?? '?'})`,
  );
}

/** The report, one block per open browser. */
export async function describeBrowsers(): Promise<string> {
  const blocks: string[] = [];
  for (const context of open) {
    const lines: string[] = [];
    const pages = context.pages();
    for (const page of pages) lines.push(`  tab ${page.url()}\n    ${await pageText(page)}`);
    const workers = context.serviceWorkers().map((w) => w.url());
    lines.push(`  workers Playwright knows of: ${workers.join(', ') || 'none'}`);
    const extensionPage = pages.find((p) => p.url().startsWith('chrome-extension://'));
    if (extensionPage) {
      const states = await within(
        workerStates(extensionPage),
        ['(the DevTools protocol did not answer)'],
        5_000,
      );
      lines.push(`  worker states: ${states.join('; ') || 'none reported'}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.length === 0 ? 'no browser open' : blocks.join('\n\n');
}
