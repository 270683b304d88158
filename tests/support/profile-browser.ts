/**
 * Chromium with the production build on a user-data-dir the test keeps, so the browser can be
 * closed and started again on the same profile: what the extension wrote before the close
 * (the outbox in IndexedDB, the saved key, the alarms) is what it finds after the restart.
 */
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { bounded } from './bounded';
import { CHROMIUM, chromiumArgs } from './browser';
import { reportOnFailure } from './failure-report';

const LAUNCH_TIMEOUT_MS = 30_000;
const NEW_PAGE_TIMEOUT_MS = 15_000;
const CLOSE_TIMEOUT_MS = 20_000;
const RELEASE_TIMEOUT_MS = 20_000;

/** The process holding a profile, from the `SingletonLock` link Chromium keeps in it ("host-pid"). */
function lockHolder(profile: string): number | null {
  try {
    const pid = Number(readlinkSync(join(profile, 'SingletonLock')).split('-').pop());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until no Chromium holds the profile. Closing the browser returns once Playwright has lost
 * its connection, and on a busy machine the old process can still be shutting down: a Chromium
 * started on a profile another one holds hands itself over to that one and exits, and the launch
 * then waits for a browser that never comes.
 */
async function profileReleased(profile: string): Promise<void> {
  const deadline = Date.now() + RELEASE_TIMEOUT_MS;
  for (let pid = lockHolder(profile); pid !== null && running(pid); pid = lockHolder(profile)) {
    if (Date.now() > deadline)
      throw new Error(
        `Chromium (process ${pid}) still held the profile ${RELEASE_TIMEOUT_MS / 1000} s after it was closed`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export class ProfileBrowser {
  readonly profile: string;
  context: BrowserContext | undefined;
  /** The build's service worker in the running browser. */
  worker: Worker | undefined;
  extensionId = '';

  constructor(
    private readonly sandboxPort: number,
    name = 'profile',
  ) {
    this.profile = mkdtempSync(join(tmpdir(), `certcentral-${name}-`));
  }

  extensionUrl(page: string): string {
    return `chrome-extension://${this.extensionId}/${page}`;
  }

  /**
   * Starts Chromium on the kept profile and opens the options page (an extension page to call from).
   * A start that hangs (a new tab that never comes, seen once in a full run after a relaunch on the
   * kept profile: the test ran into its 120 s timeout with only an about:blank tab) is given up after
   * a bounded wait and tried once more, saying so.
   */
  async launch(): Promise<Page> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.launchOnce();
      } catch (error) {
        if (attempt >= 2) throw error;
        console.warn(`Chromium on the kept profile did not start cleanly, starting it again: ${error}`);
        await bounded(this.close(), CLOSE_TIMEOUT_MS, 'the browser did not close').catch(() => undefined);
        this.context = undefined;
      }
    }
  }

  private async launchOnce(): Promise<Page> {
    await this.close();
    await profileReleased(this.profile);
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(this.sandboxPort),
      // Playwright waits three minutes by default for a browser that never starts.
      timeout: LAUNCH_TIMEOUT_MS,
    });
    reportOnFailure(this.context);
    const ours = (w: Worker) => w.url().endsWith('/background.js');
    const worker =
      this.context.serviceWorkers().find(ours) ??
      (await this.context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
    this.worker = worker;
    this.extensionId = new URL(worker.url()).host;
    return this.openPage('options.html');
  }

  async openPage(path: string): Promise<Page> {
    if (!this.context) throw new Error('the browser is not running');
    const page = await bounded(
      this.context.newPage(),
      NEW_PAGE_TIMEOUT_MS,
      `Gave up waiting for a new tab for ${path} after ${NEW_PAGE_TIMEOUT_MS / 1000} s`,
    );
    const url = this.extensionUrl(path);
    // After a restart Chromium may restore the last session's tab, and on a new profile the install
    // handler opens the settings, at the same moment: either can interrupt this navigation. Go again
    // until it lands (a few times at most), then wait for the page to have loaded.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(url);
        return page;
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('interrupted by another navigation')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }

  /**
   * Closes the whole browser, as a person quitting it would (the worker stops mid-whatever); it is
   * also what an attacker copying the profile would wait for: everything is flushed to disk.
   */
  async close(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
    this.worker = undefined;
  }

  async dispose(): Promise<void> {
    await this.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/**
 * Makes every write of an outbox record in the running worker abort its IndexedDB transaction, as a
 * full disk or an exhausted quota does (`on: false` undoes it). Injected in the worker of the build
 * itself, so the extension's own code meets the failure where it would meet the real one.
 */
export async function failOutboxWrites(worker: Worker, on: boolean): Promise<void> {
  await worker.evaluate((on) => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put'] };
    proto.realPut ??= proto.put;
    const realPut = proto.realPut;
    proto.put = !on
      ? realPut
      : function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
          const request = realPut.call(this, value, key);
          if (String(key).startsWith('outbox:')) this.transaction.abort();
          return request;
        };
  }, on);
}
