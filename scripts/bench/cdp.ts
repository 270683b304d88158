/**
 * Chromium driven over the DevTools protocol on a pipe, with nothing attached that the bench does
 * not ask for. Playwright would attach to every service worker as it starts and hold it until its
 * own process answers (waitForDebuggerOnStart), which adds the same round trip to the extension's
 * worker and to the blank one and so flattens the ratio the worker figure is about.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string };
type Listener = (params: Record<string, unknown>, sessionId?: string) => void;

export class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private buffer = '';

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        const message = JSON.parse(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
  }

  private dispatch(message: {
    id?: number;
    result?: unknown;
    error?: { message: string };
    method?: string;
    params?: Record<string, unknown>;
    sessionId?: string;
  }) {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(`${pending.method}: ${message.error.message}`));
      else pending?.resolve(message.result);
      return;
    }
    for (const listener of this.listeners.get(message.method ?? '') ?? [])
      listener(message.params ?? {}, message.sessionId);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
    });
  }

  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  /** Resolves with the first `method` event that `accept` takes (within `timeoutMs`). */
  waitFor(
    method: string,
    accept: Listener extends (...args: infer A) => void ? (...args: A) => boolean : never,
    timeoutMs = 15_000,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`No ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on(method, (params, sessionId) => {
        if (!accept(params, sessionId)) return;
        clearTimeout(timer);
        off();
        resolve(params);
      });
    });
  }
}

export type Browser = { cdp: Cdp; close: () => Promise<void> };

/**
 * Starts a headless Chromium with `args` (extensions, host rules). `keptProfile`: a profile
 * directory to start with and keep (a browser restarted on the same profile); by default a fresh
 * one, removed on close.
 */
export async function launchChromium(
  executable: string,
  args: string[],
  keptProfile?: string,
): Promise<Browser> {
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const child: ChildProcess = spawn(
    executable,
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--no-default-browser-check',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--window-size=1100,800',
      ...args,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const [, , , toBrowser, fromBrowser] = child.stdio as unknown as [null, null, Readable, Writable, Readable];
  const cdp = new Cdp(toBrowser, fromBrowser);
  await cdp.send('Browser.getVersion');
  // Closing twice waits for the one closing: a caller may close early and again in its clean-up.
  let closing: Promise<void> | undefined;
  const close = async () => {
    await cdp.send('Browser.close').catch(() => undefined);
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    if (keptProfile === undefined) rmSync(profile, { recursive: true, force: true });
  };
  return {
    cdp,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

/** A tab attached over the pipe (a flat session): navigate it and evaluate in it. */
export class Tab {
  private constructor(
    readonly cdp: Cdp,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  static async open(cdp: Cdp, url = 'about:blank'): Promise<Tab> {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const tab = new Tab(cdp, targetId, sessionId);
    await tab.send('Page.enable');
    await tab.send('Runtime.enable');
    return tab;
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    return this.cdp.send<T>(method, params, this.sessionId);
  }

  /** Navigates and waits for the load event. */
  async goto(url: string): Promise<void> {
    const loaded = this.cdp.waitFor('Page.loadEventFired', (_, session) => session === this.sessionId);
    const { errorText } = await this.send<{ errorText?: string }>('Page.navigate', { url });
    if (errorText) throw new Error(`Could not open ${url}: ${errorText}`);
    await loaded;
  }

  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: T };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) {
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    }
    return result.value as T;
  }
}
