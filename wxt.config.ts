import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { PluginOption } from 'vite';
import { defineConfig } from 'wxt';
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

// What the popup's first screen needs (preact, the page's words and styles, the template list's
// read) is one chunk, not one per set of pages sharing it: each chunk is one more request before the
// popup can paint, and with them split the popup opened about 0.2x slower against the floor page of
// `npm run bench`. The settings page loads this chunk too (it needs preact and the words), and its
// own stylesheet and the frame helper are in it: as files of their own they were two more requests
// before either page's first screen (`npm run bench`, time over the floor page: popup 20.5 to
// 15.7 ms, settings page 47.9 to 38.7 ms, means of several runs). The popup's stylesheet grows by
// the settings page's rules (5 KB), which match no element of the popup.
const pagesOutput = {
  codeSplitting: {
    groups: [
      {
        name: 'first-screen',
        test: /\/(node_modules\/preact\/|lib\/(i18n|native-browser|storage\/private-store|templates\/summaries|order\/products)\b|assets\/styles\.css|components\/after-frames|entrypoints\/options\/options\.css)|vite\/modulepreload-polyfill|wxt-html-plugins/,
      },
      // What the settings page's first screen needs beyond that (the message protocol's sender and
      // the settings reply's check, the connection's components, the polyfill the pages' `browser`
      // is): in one chunk rather than the five that shared-module splitting made, each one more
      // request before the page could run.
      {
        name: 'settings-first',
        test: /\/(node_modules\/(webextension-polyfill|@webext-core\/messaging|@aklinker1\/zero-serialize-error)\/|lib\/(format\/time|messaging\/(index|settings-reply)|region|pages-browser)\.ts|components\/(Notice|download|ConnectionSummary|Msg|useSettings|popup\/UnlockPrompt)\.tsx?)/,
      },
    ],
  },
};

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
      if (entrypoints.some((entry) => entry.type === 'popup')) {
        config.resolve = { ...config.resolve, alias: { ...aliases, 'wxt/browser': pagesBrowser } };
        // Set on Vite's own build object: it keeps rollupOptions and rolldownOptions as one.
        config.build ??= {};
        const rollupOptions = config.build.rollupOptions ?? {};
        const output = Array.isArray(rollupOptions.output) ? {} : rollupOptions.output;
        config.build.rollupOptions = { ...rollupOptions, output: { ...output, ...pagesOutput } };
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
