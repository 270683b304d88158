/**
 * `npm run bench` (after the production build): how fast the extension opens, each figure against
 * its budget, measured on the production build (.output/chrome-mv3) in one headless Chromium:
 * - the popup opens within 1.2x a floor page, the settings page within 1.5x (scripts/bench/pages.ts
 *   says what "open" is and what the floor page does);
 * - the settings page loads at most 30 KB of JavaScript (gzip -9) before its first screen, and no zod;
 * - a stopped background answers its first `getSettings` within 1.5x a blank service worker
 *   (scripts/bench/worker.ts).
 * Times are trimmed means (the middle 80%, scripts/bench/report.ts says why) of BENCH_RUNS rounds (40
 * unless set, at least 16; the first round of each is a warm-up and not counted), the pages and workers taking turns in each round, so drift on a shared CPU hits every
 * side alike. Prints a markdown table, writes it to docs/benchmarks.md and into README.md (between
 * its bench markers, scripts/bench/readme.ts), and exits 1 when a figure misses its budget. The sizes of every entrypoint are printed first, for reference.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PRIVATE_DATABASE } from '../lib/storage/private-store';
import { TEMPLATE_VERSION } from '../lib/templates/model';
import { TEMPLATES_RECORD } from '../lib/templates/summaries';
import { SANDBOX_KEYS } from '../tests/sandbox/seed';
import { startSandbox } from '../tests/sandbox/server';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR } from '../tests/support/browser';
import { type Cdp, launchChromium, Tab } from './bench/cdp';
import { type ColdTimes, coldOpenTimes } from './bench/cold';
import {
  addFloorPage,
  addStaticCopy,
  FLOOR_PAGE,
  installFirstScreenMarks,
  openPage,
  staticCopyOf,
} from './bench/pages';
import { withBenchTable } from './bench/readme';
import {
  type Figure,
  machine,
  machineLine,
  markdownTable,
  partFigure,
  ratioFigure,
  sizeFigure,
  trimmedMean,
} from './bench/report';
import { blankWorkerExtension, type WorkerTimes, workerStartTimes } from './bench/worker';

const ROUNDS = Math.max(16, Number(process.env.BENCH_RUNS ?? 40));
/** The build measured: the production build, or another one (BENCH_BUILD=dir, an earlier version's). */
const BUILD = resolve(process.env.BENCH_BUILD ?? EXTENSION_DIR);
const TEMPLATES = 25;
/** The pause after each page's open (and its whole list), before the next page. */
const SETTLE_MS = 300;
/** Browser restarts for each of the popup and the floor page (scripts/bench/cold.ts). */
const COLD_LAUNCHES = 4;

type Size = { raw: number; gzip: number };
const sizeOf = (file: string): Size => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The JS and CSS an HTML entrypoint loads at open (scripts, module preloads, stylesheets). */
function pageAssets(html: string): string[] {
  const refs = [...readFileSync(join(BUILD, html), 'utf8').matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)];
  return refs.map((m) => join(BUILD, (m[1] ?? '').replace(/^\//, '')));
}

function entrypointSizes(): Record<string, { js: Size; css: Size; files: number }> {
  const result: Record<string, { js: Size; css: Size; files: number }> = {};
  const zero = (): Size => ({ raw: 0, gzip: 0 });
  const html = readdirSync(BUILD).filter((f) => f.endsWith('.html'));
  for (const page of html) {
    const entry = { js: zero(), css: zero(), files: 0 };
    for (const file of pageAssets(page)) {
      entry.files++;
      if (file.endsWith('.css')) entry.css = add(entry.css, sizeOf(file));
      else entry.js = add(entry.js, sizeOf(file));
    }
    result[page.replace('.html', '')] = entry;
  }
  result.background = { js: sizeOf(join(BUILD, 'background.js')), css: zero(), files: 1 };
  const scripts = join(BUILD, 'content-scripts');
  for (const file of readdirSync(scripts)) {
    result[`content: ${file}`] = { js: sizeOf(join(scripts, file)), css: zero(), files: 1 };
  }
  return result;
}

/** Whether zod's core is in `files` (its schemas are built on classes it names "$ZodType"). */
const hasZod = (files: string[]) =>
  files.some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('$ZodType'));

/** Templates as the extension stores them: EV orders for an organization, names from the CSR. */
function benchTemplates(count: number) {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Template ${i + 1} for shop${i}.example.com`,
    product: 'ssl_ev_securesite_pro',
    organizationName: 'Example Corp',
    createdAt: at,
    updatedAt: at,
    useCount: 0,
    fields: {
      'certificate.common_name': { source: 'csr' },
      'certificate.dns_names': { source: 'csr' },
      'certificate.csr': { source: 'csr' },
      'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
      'order_validity.years': { source: 'asked', default: 1, label: 'Years of coverage' },
      'organization.id': { source: 'fixed', value: 100 + i },
      dcv_method: { source: 'fixed', value: 'dns-txt-token' },
      payment_method: { source: 'fixed', value: 'balance' },
    },
  }));
}

/** The origins of the build's extension and the blank-worker extension, once both workers run. */
async function extensionOrigins(cdp: Cdp): Promise<{ extension: string; blank: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { targetInfos } = await cdp.send<{ targetInfos: { type: string; url: string }[] }>(
      'Target.getTargets',
    );
    const origin = (script: string) => {
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith(script));
      return worker && `chrome-extension://${new URL(worker.url).host}`;
    };
    const extension = origin('/background.js');
    const blank = origin('/worker.js');
    if (extension && blank) return { extension, blank };
    if (Date.now() > deadline) throw new Error('The extension or the blank worker did not start.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits for the settings page the extension opens at install, then closes every tab but `keep`, so
 * no other page paints or talks to the worker meanwhile, and brings `keep` to the front (a hidden
 * page paints nothing).
 */
async function closeOtherTabs(cdp: Cdp, keep: Tab, origin: string): Promise<void> {
  type Targets = { targetInfos: { type: string; targetId: string; url: string }[] };
  const deadline = Date.now() + 10_000;
  let pages: Targets['targetInfos'] = [];
  for (;;) {
    pages = (await cdp.send<Targets>('Target.getTargets')).targetInfos.filter((t) => t.type === 'page');
    if (pages.some((t) => t.url.startsWith(`${origin}/options.html`)) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const t of pages.filter((t) => t.targetId !== keep.targetId)) {
    await cdp.send('Target.closeTarget', { targetId: t.targetId });
  }
  await keep.send('Page.bringToFront');
}

/** The sandbox admin key saved and the templates stored, as a person who uses the extension has them. */
async function prepare(tab: Tab): Promise<void> {
  const message = {
    id: 1,
    type: 'saveApiKey',
    data: { apiKey: SANDBOX_KEYS.admin, region: 'us' },
    timestamp: 0,
  };
  const saved = await tab.evaluate<{ res?: { ok: boolean } }>(
    `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
  );
  if (!saved.res?.ok) throw new Error(`The sandbox key was not saved: ${JSON.stringify(saved)}`);
  const record = { version: TEMPLATE_VERSION, templates: benchTemplates(TEMPLATES), keptAside: [] };
  await tab.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(PRIVATE_DATABASE)});
    open.onupgradeneeded = () => open.result.createObjectStore('private');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('private', 'readwrite');
      tx.objectStore('private').put(${JSON.stringify(record)}, ${JSON.stringify(TEMPLATES_RECORD)});
      tx.oncomplete = () => { open.result.close(); resolve(null); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}

/** The extension's pages measured, each also as a static copy of its first screen. */
const COPIED = ['popup.html', 'options.html'] as const;
const STATIC_COPIES = [staticCopyOf(COPIED[0]), staticCopyOf(COPIED[1])] as const;
const PAGES = [FLOOR_PAGE, ...COPIED, ...STATIC_COPIES] as const;
type Page = (typeof PAGES)[number];
const isStaticCopy = (page: Page) => (STATIC_COPIES as readonly Page[]).includes(page);
/** Per page: its open times, and the paint times of each element of its first screen. */
type PageTimes = Record<Page, number[]> & {
  marks: Record<Page, Record<string, number[]>>;
  /** How long after the first screen the whole list was there. */
  listed: Record<Page, number[]>;
};

/** `ROUNDS` opens of each page (after one not counted), each round in a different order. */
async function pageOpenTimes(tab: Tab, origin: string): Promise<PageTimes> {
  const each = <T>(make: () => T) =>
    Object.fromEntries(PAGES.map((page) => [page, make()])) as Record<Page, T>;
  const times: PageTimes = { ...each(() => []), marks: each(() => ({})), listed: each(() => []) };
  for (let round = 0; round <= ROUNDS; round++) {
    const order = PAGES.map((_, i) => PAGES[(i + round) % PAGES.length] as (typeof PAGES)[number]);
    for (const page of order) {
      const opened = await openPage(tab, origin, page, isStaticCopy(page) ? 0 : TEMPLATES);
      // Each page opens on a quiet browser: what the one before started after its first screen (the
      // full list, the worker's answers) is over. Without the pause that work fell on the next
      // page, most often the floor page (it then followed the settings page in two rounds of three),
      // which made every ratio look better than it was (0.1x to 0.25x, `npm run bench` both ways).
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      // A page that shows fewer templates than stored did less work than it should: not a figure.
      // (A static copy holds the rows of its page's first screen only.)
      if (!isStaticCopy(page) && opened.items !== TEMPLATES) {
        throw new Error(`${page} showed ${opened.items} templates, not the ${TEMPLATES} stored.`);
      }
      if (round === 0) continue;
      times[page].push(opened.open);
      times.listed[page].push(opened.listedAfter);
      for (const [name, at] of Object.entries(opened.marks)) {
        const marks = times.marks[page];
        marks[name] ??= [];
        marks[name].push(at);
      }
    }
  }
  return times;
}

async function measure(): Promise<{
  pages: PageTimes;
  workers: WorkerTimes;
  cold: ColdTimes;
  chromium: string;
}> {
  // A copy of the build with the floor page added, and the blank-worker extension beside it.
  const dir = mkdtempSync(join(tmpdir(), 'bench-ext-'));
  cpSync(BUILD, dir, { recursive: true });
  addFloorPage(dir);
  const blankDir = blankWorkerExtension();
  const sandbox = await startSandbox({ port: 0 });
  const args = chromiumArgs(sandbox.port, [blankDir]).map((a) => a.replace(EXTENSION_DIR, dir));
  const browser = await launchChromium(CHROMIUM, args);
  try {
    const { product } = await browser.cdp.send<{ product: string }>('Browser.getVersion');
    const origins = await extensionOrigins(browser.cdp);
    const tab = await Tab.open(browser.cdp);
    await closeOtherTabs(browser.cdp, tab, origins.extension);
    await installFirstScreenMarks(tab);
    await tab.goto(`${origins.extension}/${FLOOR_PAGE}`);
    await prepare(tab);
    for (const page of COPIED) await addStaticCopy(tab, origins.extension, page, dir);
    const pages = await pageOpenTimes(tab, origins.extension);
    // Printed at once: the worker's rounds that follow can fail on their own.
    for (const page of PAGES) {
      const marks = Object.entries(pages.marks[page]).map(
        ([name, at]) => `${name} ${trimmedMean(at).toFixed(1)}`,
      );
      const listed = trimmedMean(pages.listed[page]).toFixed(0);
      console.log(
        `${page}: open ${trimmedMean(pages[page]).toFixed(1)} ms (${marks.join(', ')}), whole list ${listed} ms after`,
      );
    }
    // No page of the extension may stay open: it would talk to the worker while it is measured.
    await tab.goto('about:blank');
    const workers = await workerStartTimes(browser.cdp, origins.extension, origins.blank, ROUNDS);
    // One browser at a time: the restarts below each start their own.
    await browser.close();
    const cold = await coldOpenTimes(
      {
        chromium: CHROMIUM,
        args: chromiumArgs(sandbox.port).map((a) => a.replace(EXTENSION_DIR, dir)),
        origin: origins.extension,
        prepare,
        templates: TEMPLATES,
      },
      COLD_LAUNCHES,
    );
    return { pages, workers, cold, chromium: `Chromium ${product.split('/').pop()}` };
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(blankDir, { recursive: true, force: true });
  }
}

const readme = join(import.meta.dirname, '../README.md');
// Before the minutes of measuring: README must have its markers to take the table.
if (!process.env.BENCH_BUILD) withBenchTable(readFileSync(readme, 'utf8'), '');

const sizes = entrypointSizes();
console.log(`Built size per entrypoint (${relative(process.cwd(), BUILD)}), for reference:`);
console.log('entrypoint                      files   JS raw    JS gzip   CSS raw   CSS gzip');
for (const [name, s] of Object.entries(sizes)) {
  const cols = [kb(s.js.raw), kb(s.js.gzip), kb(s.css.raw), kb(s.css.gzip)]
    .map((c) => c.padStart(9))
    .join(' ');
  console.log(`${name.padEnd(32)}${String(s.files).padStart(5)} ${cols}`);
}
const total = readdirSync(BUILD, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .reduce((sum, d) => sum + statSync(join(d.parentPath, d.name)).size, 0);
console.log(`whole build: ${kb(total)}\n`);

/**
 * The settings page's two first-screen elements, each against the floor page, and how often each was
 * the last one painted (both count when they share a frame): which of them the open time waits for.
 */
function settingsParts(pages: PageTimes, floor: number): Figure[] {
  const marks = pages.marks['options.html'];
  const parts = [
    ['connection', 'Settings page: connection section painted, vs floor page'],
    ['templates', 'Settings page: template list painted, vs floor page'],
  ] as const;
  return parts.map(([mark, name]) => {
    const times = marks[mark] ?? [];
    const last = times.filter((at, i) => at >= (pages['options.html'][i] ?? Number.POSITIVE_INFINITY)).length;
    return partFigure(name, trimmedMean(times), floor, `last in ${last} of ${times.length}`);
  });
}

const { pages, workers, cold, chromium } = await measure();
const floor = trimmedMean(pages[FLOOR_PAGE]);
const optionsAssets = pageAssets('options.html');
const figures: Figure[] = [
  ratioFigure(
    'Popup open (template list painted), vs floor page',
    trimmedMean(pages['popup.html']),
    floor,
    1.2,
  ),
  ratioFigure(
    'Settings page open (connection and template list painted), vs floor page',
    trimmedMean(pages['options.html']),
    floor,
    1.5,
  ),
  ...settingsParts(pages, floor),
  partFigure(
    'Popup drawn from a static copy of its first screen, vs floor page',
    trimmedMean(pages[staticCopyOf('popup.html')]),
    floor,
    'no script',
  ),
  partFigure(
    'Settings page drawn from a static copy of its first screen, vs floor page',
    trimmedMean(pages[staticCopyOf('options.html')]),
    floor,
    'no script',
  ),
  sizeFigure('Settings page initial JS (gzip -9)', sizes.options?.js.gzip ?? Number.NaN, 30),
  {
    name: 'zod in the settings page initial JS',
    measured: hasZod(optionsAssets) ? 'yes' : 'no',
    budget: 'no',
    ok: !hasZod(optionsAssets),
  },
  partFigure(
    'Popup open a second after a browser restart, vs floor page the same way',
    trimmedMean(cold.popup),
    trimmedMean(cold.floor),
    `${COLD_LAUNCHES} restarts each`,
  ),
  ratioFigure(
    'Background: stopped worker to first getSettings answer, vs blank worker',
    trimmedMean(workers.extension),
    trimmedMean(workers.blank),
    1.5,
  ),
];
const about = machineLine(machine(chromium));
const table = markdownTable(figures);
console.log(`${about}, trimmed means of ${ROUNDS} rounds\n\n${table}`);

// Only the production build's figures are the project's: another build's are printed, not kept.
const docs = join(import.meta.dirname, '../docs/benchmarks.md');
if (!process.env.BENCH_BUILD)
  writeFileSync(
    docs,
    `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts), which builds the extension, measures the production
build in one headless Chromium and exits with an error when a figure misses its budget.

- **Open** is the first paint that shows a page's first screen: the time the browser presented the
  frame holding it (Element Timing), from the start of the navigation. For the popup that screen is the
  template list; for the settings page, the connection section and the template list. How they are
  found: [scripts/bench/pages.ts](../scripts/bench/pages.ts). The settings page's budget is on the
  later of its two elements; the two rows below it time each one alone (no budget of their own) and
  count the rounds in which it was the last painted, so the table says which one the page waits for.
- **Floor page**: a page of the same extension, added to a copy of the build for the bench only, with
  the popup's stylesheet and one module script that reads the templates record and appends one text node.
  The least an extension page can do, so the ratio is what the page's own first screen costs.
- **Background**: from a stopped service worker to the answer of its first \`getSettings\` message, asked
  from an extension page, against a bench-only extension whose worker only answers:
  [scripts/bench/worker.ts](../scripts/bench/worker.ts). The worker answers it from the settings view
  its services last kept in \`storage.session\` (docs/architecture.md, "The background's two scripts"),
  as it does for every question after the first of a browser session.
- **After a browser restart**: right after Chromium starts, \`storage.managed\` answers only seconds
  later, and the warm rounds never see it. The bench prepares one profile like theirs, restarts Chromium
  on it ${COLD_LAUNCHES * 2} times and, a second after each start, opens the popup or the floor page, in
  turn: [scripts/bench/cold.ts](../scripts/bench/cold.ts). No budget: ${COLD_LAUNCHES} opens of each
  are few, and the popup waits up to 50 ms for the browser's policy before it shows the one last seen
  (lib/policy/display.ts), which the floor page does not read.
- Times are means of the middle 80% of ${ROUNDS} rounds in which every page (and both workers) take
  turns; the first round is not counted. Not medians: a page's open time comes in steps of a frame,
  and the floor page's times fell in two groups a frame apart, between which the median jumped from one
  run to the next (scripts/bench/report.ts). ${TEMPLATES} templates are stored and the sandbox key is saved, as for someone who uses
  the extension.
- **Static copies**: before the rounds, the bench saves each page's first screen as the browser had it
  when it was painted (its elements and stylesheet, no script) as a plain HTML page beside it, and opens
  it in every round like the others ([scripts/bench/pages.ts](../scripts/bench/pages.ts),
  \`addStaticCopy\`). No budget: the gap between a page and its static copy is what loading, running and
  reading for that screen costs, the rest is drawing it.
- Each page opens on a quiet browser: the bench waits until the page lists all ${TEMPLATES} templates
  (a page may draw the rows below the window after its first screen, but must list them all within a
  second of it, or the bench fails; a static copy has only its first screen's rows) and then
  ${SETTLE_MS} ms more, so what one page starts after its
  first screen never slows the next. Before 2026-12-04 pages followed each other at once, and the
  floor page, which then followed the settings page in two rounds of three, took that work most often:
  every ratio looked 0.1x to 0.25x better than it was.
- The ratios are the figures, not the milliseconds: a busy machine slows both sides of each. On a shared
  2-core machine, with trimmed means of 40 rounds, they still moved by up to 0.1x between runs of the
  same build (0.3x with medians of 20), so a figure near its budget needs a few runs before it is
  believed.

The same table goes into README.md, between its \`bench:start\` and \`bench:end\` markers.

Last run: ${about}

${table}
`,
  );
if (!process.env.BENCH_BUILD) {
  const block = `Last run: ${about}, trimmed means of ${ROUNDS} rounds (method: [docs/benchmarks.md](docs/benchmarks.md))\n\n${table}`;
  writeFileSync(readme, withBenchTable(readFileSync(readme, 'utf8'), block));
  console.log(`\nWritten to ${relative(process.cwd(), docs)} and ${relative(process.cwd(), readme)}`);
}
if (figures.some((f) => f.ok === false)) {
  console.error('\nA figure missed its budget.');
  process.exitCode = 1;
}
