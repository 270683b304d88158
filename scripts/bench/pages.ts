/**
 * How long the popup and the settings page take to open, against a floor page, in one browser.
 *
 * "Open" is the first paint that shows the page's first screen, as the browser reports it: the
 * Element Timing entry (its startTime, the time the frame was presented, coarsened by Chromium to
 * 4 ms) of the elements that make that screen, whichever is painted last:
 * - popup: the template list (its first template's name) and the "New order" heading above it;
 * - settings page: the connection section's heading (shown once the background has answered) and the
 *   first template of the list (shown once the templates are read);
 * - floor: its one text node.
 * The bench marks those elements itself (a script run before the page's own sets `elementtiming` on
 * them as they are inserted), so the extension carries nothing for it, and the same observer runs on
 * every page, the floor included.
 *
 * The floor page is the least any extension page can do: the popup's own stylesheet and one module
 * script that reads one record from the store the popup's list comes from (the templates record in
 * the extension's IndexedDB database) and appends one text node. It is added to a copy of the build
 * for the bench only; the shipped extension never contains it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DATABASE } from '../../lib/storage/private-store';
import { TEMPLATES_RECORD } from '../../lib/templates/summaries';
import type { Tab } from './cdp';

export const FLOOR_PAGE = 'floor.html';

/**
 * How long after its first screen a page may take to list every stored template: the rows below
 * the window may come later than the first screen, but not much later.
 */
const LIST_WITHIN_MS = 1000;

/** The plain-HTML copy of a page's first screen (`addStaticCopy`): `popup.html` → `popup-static.html`. */
export const staticCopyOf = <P extends string>(page: `${P}.html`) =>
  page.replace(/\.html$/, '-static.html') as `${P}-static.html`;

const POPUP_MARKS = { '#new-order-heading': 'heading', '#template-list strong': 'templates' };
const SETTINGS_MARKS = { '#connection-heading': 'connection', '.templates .template-name': 'templates' };

/** Which element of each page is part of its first screen, and what the bench calls it. */
const FIRST_SCREEN: Record<string, Record<string, string>> = {
  [FLOOR_PAGE]: { '#floor': 'floor' },
  'popup.html': POPUP_MARKS,
  'options.html': SETTINGS_MARKS,
  [staticCopyOf('popup.html')]: POPUP_MARKS,
  [staticCopyOf('options.html')]: SETTINGS_MARKS,
};

/** Adds floor.html and floor.js to a copy of the build (`dir`). */
export function addFloorPage(dir: string): void {
  const popup = readFileSync(join(dir, 'popup.html'), 'utf8');
  const stylesheets = [...popup.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).join('\n    ');
  writeFileSync(
    join(dir, FLOOR_PAGE),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="color-scheme" content="light dark">
    <title>Floor</title>
    <script type="module" src="/floor.js"></script>
    ${stylesheets}
  </head>
  <body>
    <p id="floor"></p>
  </body>
</html>
`,
  );
  writeFileSync(
    join(dir, 'floor.js'),
    `// One read of the record the popup lists, then one text node.
const record = await new Promise((resolve) => {
  const open = indexedDB.open(${JSON.stringify(PRIVATE_DATABASE)});
  // Never create the extension's database here: only the extension's own code may.
  open.onupgradeneeded = () => open.transaction.abort();
  open.onerror = () => resolve(undefined);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('private').objectStore('private').get(${JSON.stringify(TEMPLATES_RECORD)});
    get.onsuccess = () => resolve(get.result);
    get.onerror = () => resolve(undefined);
  };
});
const count = Array.isArray(record?.templates) ? record.templates.length : 0;
document.getElementById('floor').append(document.createTextNode(count + ' templates'));
`,
  );
}

/** Run in every page before its own scripts: marks the first-screen elements as they appear. */
function markFirstScreen(): string {
  return `(() => {
  const marks = ${JSON.stringify(FIRST_SCREEN)}[location.pathname.slice(1)];
  if (!marks) return;
  const mark = () => {
    for (const [selector, name] of Object.entries(marks)) {
      const element = document.querySelector(selector);
      if (element && !element.hasAttribute('elementtiming')) element.setAttribute('elementtiming', name);
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true });
})()`;
}

export async function installFirstScreenMarks(tab: Tab): Promise<void> {
  await tab.send('Page.addScriptToEvaluateOnNewDocument', { source: markFirstScreen() });
}

/**
 * `open`: when the last element of the first screen was painted (ms from navigation start);
 * `marks`: when each of them was (by the name FIRST_SCREEN gives it), to tell which one paints last.
 */
export type Opened = {
  open: number;
  marks: Record<string, number>;
  firstContentfulPaint: number;
  items: number;
  listedAfter: number;
};

/**
 * Opens `page` in `tab` and returns when its first screen was painted (ms from navigation start),
 * each element's paint, and how many templates it lists once it lists `expected` or LIST_WITHIN_MS
 * have passed (to check that the page had something to show), and when that was.
 */
export async function openPage(tab: Tab, origin: string, page: string, expected: number): Promise<Opened> {
  await tab.goto(`${origin}/${page}`);
  const names = Object.values(FIRST_SCREEN[page] ?? {});
  return tab.evaluate<Opened>(`new Promise((resolve, reject) => {
    const names = ${JSON.stringify(names)};
    const seen = new Map();
    const timer = setTimeout(() => {
      const missing = names.filter((n) => !seen.has(n)).join(', ');
      const state = document.visibilityState + ', ' + document.body.innerHTML.slice(0, 200);
      reject(new Error('${page}: no paint of ' + missing + ' within 15 s (' + state + ')'));
    }, 15000);
    new PerformanceObserver((list, observer) => {
      for (const entry of list.getEntries()) if (!seen.has(entry.identifier)) seen.set(entry.identifier, entry.startTime);
      if (!names.every((n) => seen.has(n))) return;
      observer.disconnect();
      clearTimeout(timer);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const count = () => document.querySelector('#floor')
        ? Number.parseInt(document.querySelector('#floor').textContent, 10)
        : document.querySelectorAll('#template-list li, .templates .template-name').length;
      // The rows below the window may come after the first screen; the whole list must follow
      // within LIST_WITHIN_MS of it.
      const listed = performance.now();
      const result = (items) => resolve({
        open: Math.max(...seen.values()),
        marks: Object.fromEntries(seen),
        firstContentfulPaint: fcp ? fcp.startTime : NaN,
        items,
        listedAfter: performance.now() - listed,
      });
      const settle = () => {
        const items = count();
        if (items >= ${expected} || performance.now() - listed > ${LIST_WITHIN_MS}) result(items);
        else setTimeout(settle, 10);
      };
      settle();
    }).observe({ type: 'element', buffered: true });
  })`);
}

/**
 * Opens `page` in `tab` and writes its first screen, as the browser had it when that screen was
 * painted, to a plain HTML page beside it in the bench's copy of the build (`staticCopyOf(page)`):
 * the same elements and stylesheet, no script. Opened like the page itself, it shows what drawing
 * that screen costs on its own, without loading, running and reading what makes it.
 */
export async function addStaticCopy(
  tab: Tab,
  origin: string,
  page: `${string}.html`,
  dir: string,
): Promise<void> {
  // Taken by the page itself when the screen is painted: the rows below the window arrive a few
  // frames later, and the bench's own round trip could come after them.
  const names = Object.values(FIRST_SCREEN[page] ?? {});
  const { identifier } = await tab.send<{ identifier: string }>('Page.addScriptToEvaluateOnNewDocument', {
    source: `new PerformanceObserver((list, observer) => {
      const seen = (globalThis.benchSeen ??= new Set());
      for (const entry of list.getEntries()) seen.add(entry.identifier);
      if (!${JSON.stringify(names)}.every((n) => seen.has(n))) return;
      observer.disconnect();
      globalThis.benchFirstScreen = document.documentElement.outerHTML;
    }).observe({ type: 'element', buffered: true });`,
  });
  try {
    await tab.goto(`${origin}/${page}`);
    const html = await tab.evaluate<string>(`new Promise((resolve, reject) => {
      const started = performance.now();
      const wait = () => {
        if (globalThis.benchFirstScreen) resolve(globalThis.benchFirstScreen);
        else if (performance.now() - started > 15000) reject(new Error('${page}: no first screen to copy'));
        else setTimeout(wait, 10);
      };
      wait();
    })`);
    const plain = html
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="modulepreload"[^>]*>/g, '')
      .replace(/ elementtiming="[^"]*"/g, '');
    writeFileSync(join(dir, staticCopyOf(page)), `<!doctype html>\n${plain}\n`);
  } finally {
    await tab.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
  }
}
