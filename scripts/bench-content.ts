/**
 * `npx tsx scripts/bench-content.ts` (after `npm run build`): the content script's size (raw and
 * gzip -9) and its cost on a 1,000-row orders page served by the sandbox, against the same page
 * without the extension. Figures are printed, never asserted.
 *
 * What is measured, and why it is honest:
 * - Two headless Chromiums side by side, same flags and host rules, one with the production build
 *   loaded and one without; runs alternate between them (which goes first alternates too), so
 *   drift on the shared CPU hits both alike. Medians of BENCH_RUNS runs (default 15).
 * - "load → idle": navigation start until the first idle period after the load event
 *   (requestIdleCallback, read as performance.now() in the page). Chrome runs a document_idle content
 *   script between DOMContentLoaded and just after load, so its first scan falls inside this span.
 * - "main-thread tasks": the renderer's TaskDuration (DevTools Performance.getMetrics) once the page
 *   has settled 600 ms after load: all parsing, layout and script time, the content script's included
 *   (its injection, its first scan, and the watcher, which must stay quiet on a static page).
 * - "scan": the content script's own reader run inside its isolated world on that same page (the
 *   compiled lib/console-page/read-page.ts, evaluated there), median of 25 scans: the cost of each
 *   (throttled, at most every 500 ms) rescan when the page changes. Repeated scans reuse the DOM
 *   wrappers the isolated world made for the first one, so the first scan costs more than this: the
 *   difference in main-thread tasks, not this figure, is the whole first-load cost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startSandbox } from '../tests/sandbox/server';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR, launchExtension } from '../tests/support/browser';
import { contentScriptWorld } from '../tests/support/content-world';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// BENCH_ROWS=0 gives the fixed cost (isolated world, polyfill, wrapper) without any rows to read.
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const URL = `https://www.digicert.com/secure/orders/?rows=${ROWS}`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

const file = join(EXTENSION_DIR, 'content-scripts/certcentral.js');
const bytes = readFileSync(file);
console.log(`Content script ${file}`);
console.log(`  raw ${bytes.length} B, gzip -9 ${gzipSync(bytes, { level: 9 }).length} B`);

type Sample = { idle: number; tasks: number };

async function load(context: BrowserContext, keep = false): Promise<{ sample: Sample; page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(URL, { waitUntil: 'load' });
  const idle = await page.evaluate(
    () => new Promise<number>((r) => requestIdleCallback(() => r(performance.now()), { timeout: 2000 })),
  );
  await page.waitForTimeout(600);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const tasks = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  await cdp.detach();
  if (!keep) await page.close();
  return { sample: { idle, tasks }, page };
}

/** The reader as one script: lib/console-page/read-page.ts and what it imports, bundled by Vite. */
async function readerScript(): Promise<string> {
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(import.meta.dirname, '../lib/console-page/read-page.ts'),
        formats: ['iife'],
        name: 'reader',
      },
    },
  });
  const outputs = (Array.isArray(built) ? built : [built]).flatMap((b) => ('output' in b ? b.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('Vite built no script of the reader.');
  return chunk.code;
}

/** The reader, bundled from its source and evaluated in the content script's isolated world. */
async function scanTimes(page: Page): Promise<number[]> {
  const js = await readerScript();
  const world = await contentScriptWorld(page, 'CertCentral Companion');
  const result = await world.evaluate(`(() => { ${js};
    const times = [];
    let n = 0;
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      n = reader.readPageOrderIds(document, location.href).length;
      times.push(performance.now() - t);
    }
    return JSON.stringify({ n, times });
  })()`);
  const { n, times } = JSON.parse(result) as { n: number; times: number[] };
  console.log(`  (the reader found ${n} order ids on the page)`);
  return times;
}

const sandbox = await startSandbox({ port: 0 });
const withExt = await launchExtension(sandbox.port);
const plainArgs = chromiumArgs(sandbox.port).filter((a) => !a.includes('-extension'));
const plainBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: plainArgs });
const plain = await plainBrowser.newContext({ viewport: { width: 1100, height: 800 } });
try {
  for (let i = 0; i < 2; i++) await Promise.all([load(withExt.context), load(plain)]); // warm-up
  const ext: Sample[] = [];
  const base: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      ext.push((await load(withExt.context)).sample);
      base.push((await load(plain)).sample);
    } else {
      base.push((await load(plain)).sample);
      ext.push((await load(withExt.context)).sample);
    }
  }
  const { page } = await load(withExt.context, true);
  const scan = median(await scanTimes(page));
  const pick = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
  console.log(`\n${ROWS}-row orders page (${URL}), medians of ${RUNS} alternating runs:`);
  for (const k of ['idle', 'tasks'] as const) {
    const label = k === 'idle' ? 'load → idle      ' : 'main-thread tasks';
    const [a, b] = [pick(ext, k), pick(base, k)];
    console.log(`  ${label}  with ${ms(a)}  without ${ms(b)}  ratio ${(a / b).toFixed(3)}`);
  }
  console.log(
    `  one scan by the content script's reader: ${ms(scan)} (${((scan / pick(base, 'idle')) * 100).toFixed(1)}% of load → idle)`,
  );
} finally {
  await withExt.close();
  await plainBrowser.close();
  await sandbox.close();
}
