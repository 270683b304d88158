/**
 * The pages' `browser`: what `wxt/browser` is in the popup's and the settings page's builds
 * (wxt.config.ts). It is webextension-polyfill's object, taken as the package exports it.
 *
 * Why `require`: the polyfill is a CommonJS package, and imported with `import`, the bundler hands
 * on a copy of its exports that asks each property for its descriptor once, at the page's start. On
 * Chrome, where the polyfill passes on the browser's own `browser`, asking is what builds each API
 * namespace (windows, notifications, action and the rest): a third of the settings page's module
 * evaluation in a CPU profile (1.7 of 5.0 ms, `__toESM` in the bundler's runtime). `require` takes
 * the exports as they are; nothing is built before it is used.
 */
import type Browser from 'webextension-polyfill';

declare const require: (id: 'webextension-polyfill') => Browser.Browser;

export const browser = require('webextension-polyfill');
