/**
 * What the built pages load before their first screen. Each file a page asks the extension's package
 * for is answered some 20 ms later, and a page's module runs only once all of its static imports
 * have arrived, so each page is built apart and its first screen is one module file and one
 * stylesheet (`pagesApart` and `pageOutput` in wxt.config.ts); the settings page adds the small
 * classic script that asks its first reads early (lib/settings/first-reads.ts). A change to the
 * build that splits a page's first screen again (a chunk shared with the other page, the bundler's
 * runtime on its own) fails here, before `npm run bench` would show it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/browser';

const FIREFOX_DIR = resolve(EXTENSION_DIR, '../firefox-mv2');

/** The scripts, module preloads and stylesheets a built page names, by kind. */
function loadedBy(dir: string, page: string) {
  const html = readFileSync(resolve(dir, page), 'utf8');
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  return {
    modules: tags.filter((tag) => tag.startsWith('<script') && /type="module"/.test(tag)),
    classicScripts: tags.filter((tag) => tag.startsWith('<script') && !/type="module"/.test(tag)),
    preloads: tags.filter((tag) => /rel="modulepreload"/.test(tag)),
    stylesheets: tags.filter((tag) => /rel="stylesheet"/.test(tag)),
  };
}

describe.each([
  ['Chromium', EXTENSION_DIR],
  ['Firefox', FIREFOX_DIR],
])('the pages of the %s build', (_browser, dir) => {
  it.each([
    ['popup.html', ['/popup-first-read.js']],
    ['options.html', ['/settings-first-reads.js']],
  ])('%s loads one module file and one stylesheet', (page, classicScripts) => {
    const loaded = loadedBy(dir, page);
    expect(loaded.modules).toHaveLength(1);
    expect(loaded.preloads).toEqual([]);
    expect(loaded.stylesheets).toHaveLength(1);
    expect(loaded.classicScripts.map((tag) => /src="([^"]+)"/.exec(tag)?.[1])).toEqual(classicScripts);
  });
});
