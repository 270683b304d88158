/**
 * The background's start: from a stopped service worker to the answer of the first `getSettings`
 * message, against a blank service worker (a bench-only extension whose worker only answers),
 * stopped and asked the same way in the same browser, in alternating order.
 *
 * Both are asked from a page of their own extension: the time is the page's performance.now()
 * around runtime.sendMessage, so it holds everything a page waits for when it wakes the worker:
 * the worker's start, the evaluation of its script, the listener, and the handler's answer. The
 * message is the one @webext-core/messaging sends (`{ id, type, data, timestamp }`), so the
 * extension's worker checks the sender, parses the payload and reads the settings, as for a page.
 * Workers are stopped with the DevTools ServiceWorker.stopAllWorkers, the same stop as Chromium's
 * idle timeout, and each round waits until the browser reports both stopped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cdp, Tab } from './cdp';

/** A bench-only extension: a service worker that only answers, and an empty page to ask from. */
export function blankWorkerExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-blank-worker-'));
  const manifest = {
    manifest_version: 3,
    name: 'Blank worker',
    version: '1.0',
    background: { service_worker: 'worker.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'worker.js'),
    'chrome.runtime.onMessage.addListener((message, sender, answer) => { answer({ res: null }); });\n',
  );
  writeFileSync(join(dir, 'ask.html'), '<!doctype html><html><head><meta charset="utf-8"></head></html>');
  return dir;
}

type Version = { scriptURL: string; runningStatus: string; versionId: string };

/** The running status of each worker whose script is in `scripts`, as the browser last reported it. */
async function watchWorkers(tab: Tab, scripts: string[]): Promise<Map<string, string>> {
  const status = new Map<string, string>();
  tab.cdp.on('ServiceWorker.workerVersionUpdated', (params, session) => {
    if (session !== tab.sessionId) return;
    for (const v of params.versions as Version[]) {
      if (scripts.includes(v.scriptURL)) status.set(v.scriptURL, v.runningStatus);
    }
  });
  await tab.send('ServiceWorker.enable');
  await until(() => status.size === scripts.length, 'both workers to be reported');
  return status;
}

async function until(done: () => boolean, what: string, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Stops both workers. Now and then Chromium leaves one reported "starting" after the stop (twice
 * in some thirty runs on 2026-12-04): the stop is asked again, up to three times, before giving up.
 */
async function stopAll(tab: Tab, status: Map<string, string>): Promise<void> {
  const stopped = () => [...status.values()].every((s) => s === 'stopped');
  for (let attempt = 1; ; attempt++) {
    await tab.send('ServiceWorker.stopAllWorkers');
    try {
      await until(stopped, 'both workers to stop', 5_000);
      return;
    } catch {
      if (attempt === 3) throw new Error(`Gave up stopping both workers (${JSON.stringify([...status])}).`);
    }
  }
}

const ASK = `(async () => {
  const message = { id: 1, type: 'getSettings', data: undefined, timestamp: Date.now() };
  const start = performance.now();
  const reply = await chrome.runtime.sendMessage(message);
  const ms = performance.now() - start;
  return { ms, answered: reply !== undefined && reply !== null && !('err' in reply && reply.err) };
})()`;

export type WorkerTimes = { extension: number[]; blank: number[] };

/** `rounds` cold starts of each worker (after one of each not counted), alternating which goes first. */
export async function workerStartTimes(
  cdp: Cdp,
  extensionOrigin: string,
  blankOrigin: string,
  rounds: number,
): Promise<WorkerTimes> {
  const ours = await Tab.open(cdp);
  await ours.goto(`${extensionOrigin}/floor.html`);
  const blank = await Tab.open(cdp);
  await blank.goto(`${blankOrigin}/ask.html`);
  const status = await watchWorkers(ours, [`${extensionOrigin}/background.js`, `${blankOrigin}/worker.js`]);
  const times: WorkerTimes = { extension: [], blank: [] };
  for (let round = 0; round <= rounds; round++) {
    const order = round % 2 === 0 ? (['extension', 'blank'] as const) : (['blank', 'extension'] as const);
    for (const which of order) {
      await stopAll(ours, status);
      // The stop's own clean-up (the renderer's worker thread) settles before the next start.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const { ms, answered } = await (which === 'extension' ? ours : blank).evaluate<{
        ms: number;
        answered: boolean;
      }>(ASK);
      if (!answered) throw new Error(`The ${which} worker did not answer getSettings.`);
      if (round > 0) times[which].push(ms);
    }
  }
  await ours.send('ServiceWorker.disable');
  return times;
}
