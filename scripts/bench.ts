/**
 * `npm run bench`: what each entrypoint weighs (raw and gzip) in the production build, and how long
 * the popup takes to open to a usable screen against a blank extension page in the same Chromium
 * run (medians of alternating runs, reported as a ratio). Figures are printed, never asserted.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR } from '../tests/e2e/browser';
import { startSandbox } from '../tests/sandbox/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

type Size = { raw: number; gzip: number };
const sizeOf = (file: string): Size => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The JS and CSS an HTML entrypoint loads at open (scripts, module preloads, stylesheets). */
function pageAssets(html: string): string[] {
  const refs = [
    ...readFileSync(join(EXTENSION_DIR, html), 'utf8').matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g),
  ];
  return refs.map((m) => join(EXTENSION_DIR, (m[1] ?? '').replace(/^\//, '')));
}

function entrypointSizes(): Record<string, { js: Size; css: Size; files: number }> {
  const result: Record<string, { js: Size; css: Size; files: number }> = {};
  const zero = (): Size => ({ raw: 0, gzip: 0 });
  const html = readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'));
  for (const page of html) {
    const entry = { js: zero(), css: zero(), files: 0 };
    for (const file of pageAssets(page)) {
      entry.files++;
      if (file.endsWith('.css')) entry.css = add(entry.css, sizeOf(file));
      else entry.js = add(entry.js, sizeOf(file));
    }
    result[page.replace('.html', '')] = entry;
  }
  result.background = { js: sizeOf(join(EXTENSION_DIR, 'background.js')), css: zero(), files: 1 };
  const scripts = join(EXTENSION_DIR, 'content-scripts');
  for (const file of readdirSync(scripts)) {
    result[`content: ${file}`] = { js: sizeOf(join(scripts, file)), css: zero(), files: 1 };
  }
  return result;
}

function benchTemplates(count: number) {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Template ${i + 1} for shop${i}.example.com`,
    product: 'ssl_ev_securesite_pro',
    organizationName: 'Example Corp',
    fields: { 'certificate.signature_hash': { source: 'fixed', value: 'sha256' } },
    createdAt: at,
    updatedAt: at,
    useCount: 0,
  }));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function openTimes(): Promise<{ popup: number; blank: number }> {
  // A copy of the build with one blank page added, so the baseline is an extension page too.
  const dir = mkdtempSync(join(tmpdir(), 'bench-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, 'bench-blank.html'),
    '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
  );
  const sandbox = await startSandbox({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const args = chromiumArgs(sandbox.port).map((a) => a.replace(EXTENSION_DIR, dir));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const page = await context.newPage();
  // A realistic list to open to: 25 templates, as an administrator with many domains keeps.
  await page.goto(`${base}bench-blank.html`);
  await page.evaluate((templates) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: object): Promise<void> } } };
    };
    return chrome.storage.local.set({ templates });
  }, benchTemplates(25));
  const popup: number[] = [];
  const blank: number[] = [];
  // The first of each is a warm-up (disk cache, worker start) and is not counted.
  for (let run = 0; run <= RUNS; run++) {
    // Both measured inside the page from its navigation start: the blank page until its load
    // event ends, the popup until its first screen is usable (its own performance mark).
    await page.goto(`${base}bench-blank.html`, { waitUntil: 'load' });
    const b = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    await page.goto(`${base}popup.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('popup-usable').length > 0);
    const p = await page.evaluate(
      () => performance.getEntriesByName('popup-usable')[0]?.startTime ?? Number.NaN,
    );
    if (run > 0) {
      blank.push(b);
      popup.push(p);
    }
  }
  await context.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
  return { popup: median(popup), blank: median(blank) };
}

const sizes = entrypointSizes();
console.log(`Built size per entrypoint (${relative(process.cwd(), EXTENSION_DIR)}):`);
console.log('entrypoint                      files   JS raw    JS gzip   CSS raw   CSS gzip');
for (const [name, s] of Object.entries(sizes)) {
  const cols = [kb(s.js.raw), kb(s.js.gzip), kb(s.css.raw), kb(s.css.gzip)]
    .map((c) => c.padStart(9))
    .join(' ');
  console.log(`${name.padEnd(32)}${String(s.files).padStart(5)} ${cols}`);
}
const total = readdirSync(EXTENSION_DIR, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .reduce((sum, d) => sum + statSync(join(d.parentPath, d.name)).size, 0);
console.log(`whole build: ${kb(total)}`);

const times = await openTimes();
console.log(
  `\nOpen time, median of ${RUNS} alternating runs in one headless Chromium (navigation start → blank page loaded / popup usable):`,
);
console.log(`  blank extension page: ${times.blank.toFixed(1)} ms`);
console.log(`  popup (first screen): ${times.popup.toFixed(1)} ms`);
console.log(`  ratio popup / blank:  ${(times.popup / times.blank).toFixed(2)}x`);
