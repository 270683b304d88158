import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { PluginOption } from 'vite';
import { defineConfig, type Entrypoint, type EntrypointGroup } from 'wxt';
import { SERVICES_SCRIPT } from './lib/background/front';
import { regionHostPattern, regionOrigin } from './lib/region';

// WXT's own `browser` (the browser's native API object), used instead of webextension-polyfill in
// the content script and both background scripts: Chrome MV3 and Firefox return promises natively
// for every call they make, and message listeners answer with sendResponse. The polyfill would take
// half of the content script's 5 KB budget, and in the background, where Chrome 144+ has a native
// `browser`, bundling it copied every API namespace at each worker start (`npm run bench`).
const nativeWxtBrowser = fileURLToPath(import.meta.resolve('wxt/browser'));
// WXT's content-script context announces each start to the page; ours says nothing (see the module).
const quietContentScriptContext = fileURLToPath(
  new URL('./lib/console-page/quiet-context.ts', import.meta.url),
);

// The CertCentral hosts the extension may call (API) and read (console pages). US is the default
// region, so it is granted at install; Europe is asked for only when the user picks it
// (lib/settings/host-permission.ts), so a US account never grants access to the other instance.
const US_ORIGIN = regionOrigin('us');
const EU_ORIGIN = regionOrigin('eu');

// The extension's own pages and background. Scripts and styles come only from the package (no inline
// script, no eval: WXT emits module files). Network requests may go to the two CertCentral origins
// only, so even injected code could not send data anywhere else. Nothing fetches the package's
// own files (icons are referenced by URL, not fetched), so connect-src has no 'self'.
function extensionPagesCsp(command: 'build' | 'serve'): string {
  // `wxt` (dev mode) reloads pages through its local server; production builds never allow it.
  const devServer = command === 'serve' ? ' http://localhost:* ws://localhost:*' : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${US_ORIGIN} ${EU_ORIGIN}${devServer}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// The pages' `browser`: webextension-polyfill's object, without the bundler's copy of it (see the module).
const pagesBrowser = fileURLToPath(new URL('./lib/pages-browser.ts', import.meta.url));

/** True for an HTML page of the extension: the popup and the settings page. */
const isPage = (entry: Entrypoint) => entry.inputPath.endsWith('.html');

/**
 * The entrypoint groups WXT builds, with each page in a build of its own. Built together, the
 * popup and the settings page shared their common code as chunks, and the settings page loaded four
 * module files (its own, two shared chunks and the bundler's runtime) before it could run, the popup
 * two; each file from the extension's package is answered some 20 ms after it is asked for, in turn.
 * Built apart, each page's first screen is one file (`pageOutput`). The cost: code that both pages
 * load later (the order rules, zod) is in the package twice.
 */
function pagesApart(groups: EntrypointGroup[]): void {
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i];
    if (!Array.isArray(group) || !group.some(isPage)) continue;
    const others = group.filter((entry) => !isPage(entry));
    const pages = group.filter(isPage).map((page) => [page]);
    groups.splice(i, 1, ...pages, ...(others.length > 0 ? [others] : []));
  }
}

/**
 * A page's output: its own modules and everything they import statically in one file, the page's
 * script; what it imports later (`import()`) stays in chunks of their own. Against the two pages
 * built together (time over the floor page of `npm run bench`, mean of 5 launches of 24 rounds
 * each): settings page 32.0 to 23.4 ms, popup 17.8 to 12.0 ms.
 */
function pageOutput(page: Entrypoint) {
  const folder = `${dirname(page.inputPath)}/`;
  return { codeSplitting: { groups: [{ name: page.name, test: (id: string) => id.startsWith(folder) }] } };
}

/**
 * Vite's plugins without WXT's auto-import plugin. WXT adds it to every build even with `imports:
 * false`, and it then imports WXT's own storage wherever a file says `storage` where an
 * auto-import could go (a parameter named so was enough): that put @wxt-dev/storage, and its
 * start-up work, into the background. Nothing here relies on auto-imports.
 */
function withoutAutoImports(plugins: PluginOption[] | undefined): PluginOption[] | undefined {
  return plugins?.map((plugin): PluginOption => {
    if (Array.isArray(plugin)) return withoutAutoImports(plugin);
    const name = plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined;
    return name === 'unimport' ? null : plugin;
  });
}

export default defineConfig({
  // WXT's auto-imports hide where things come from; every import is explicit here.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: {
      sourcemap: false,
      // A chunk loaded later (import()) fetches its own imports; Vite's helper would first add a
      // <link rel="modulepreload"> to the page for each of them, and each such insertion cost the
      // settings page several milliseconds of its first screen (a CPU profile of `npm run bench`:
      // about a third of its script time). A page's own HTML keeps its preloads; a chunk's
      // stylesheets are still added by the helper, as nothing else loads them.
      modulePreload: {
        // Every browser the extension supports has modulepreload; Vite's polyfill only checks that
        // at the start of each page.
        polyfill: false,
        resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) =>
          hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css')),
      },
    },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      config.plugins = withoutAutoImports(config.plugins);
      const alias = config.resolve?.alias;
      const aliases = Array.isArray(alias) ? {} : (alias ?? {});
      const [page] = entrypoints;
      if (entrypoints.length === 1 && page && isPage(page)) {
        config.resolve = { ...config.resolve, alias: { ...aliases, 'wxt/browser': pagesBrowser } };
        // Set on Vite's own build object: it keeps rollupOptions and rolldownOptions as one.
        config.build ??= {};
        const rollupOptions = config.build.rollupOptions ?? {};
        const output = Array.isArray(rollupOptions.output) ? {} : rollupOptions.output;
        config.build.rollupOptions = { ...rollupOptions, output: { ...output, ...pageOutput(page) } };
        return;
      }
      const scripts = ['content-script', 'background', 'unlisted-script'];
      if (!entrypoints.every((entry) => scripts.includes(entry.type))) return;
      config.resolve = {
        ...config.resolve,
        alias: {
          ...aliases,
          'wxt/browser': nativeWxtBrowser,
          'wxt/utils/content-script-context': quietContentScriptContext,
        },
      };
    },
    'entrypoints:grouped': (_wxt, groups) => pagesApart(groups),
    // Firefox's background is a page: it runs the services' script first, then the front, which
    // finds them loaded (a page has no importScripts; lib/background/front.ts).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      const background = manifest.background as { scripts?: string[] } | undefined;
      if (background?.scripts) background.scripts = [SERVICES_SCRIPT.slice(1), ...background.scripts];
    },
  },
  manifest: ({ browser, command }) => ({
    // Name and description in the user's language, from public/_locales (English when it has none).
    name: '__MSG_common_extension_name__',
    description: '__MSG_common_extension_description__',
    default_locale: 'en',
    // scripting: the Europe console's content script is registered only while its optional host
    // permission is granted (lib/settings/console-access.ts).
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // WXT turns host_permissions into MV2 `permissions` for Firefox and this object into the MV2 string.
    host_permissions: [regionHostPattern('us')],
    content_security_policy: { extension_pages: extensionPagesCsp(command) },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: an origin in optional_permissions is the same thing.
          optional_permissions: [regionHostPattern('eu')],
          browser_specific_settings: {
            gecko: {
              // Firefox keys extension storage by this id; without it, data would not survive a reinstall.
              id: 'certcentral-companion@tools.local',
              // Nothing is sent to the developers or any third party: the API key and orders go
              // only to the user's own CertCentral account, which is the extension's purpose.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          optional_host_permissions: [regionHostPattern('eu')],
          // The organization's policy (lib/policy): Chrome publishes in storage.managed only what
          // this schema declares. Firefox reads the `3rdparty` section of policies.json instead and
          // has no such manifest key, so its build leaves it out.
          storage: { managed_schema: 'managed_schema.json' },
          // No web page and no other extension may message the background: only our own pages
          // and content scripts talk to it (an empty list allows none).
          externally_connectable: { ids: [], matches: [] },
        }),
  }),
});
