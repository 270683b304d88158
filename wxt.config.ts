import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// WXT's own `browser` (the browser's native API object), used instead of webextension-polyfill for
// the content script only: it just sends one message and checks the extension id, which both Chrome
// MV3 and Firefox do natively with promises, and the polyfill would take half of its 5 KB budget.
const nativeWxtBrowser = fileURLToPath(import.meta.resolve('wxt/browser'));

// The CertCentral hosts the extension may call (API) and read (console pages).
// Both regions: US (www.digicert.com) and Europe (certcentral.digicert.eu).
const certCentralHosts = ['https://www.digicert.com/*', 'https://certcentral.digicert.eu/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // WXT's auto-imports hide where things come from; every import is explicit here.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const existing = Array.isArray(alias) ? {} : (alias ?? {});
      config.resolve = { ...config.resolve, alias: { ...existing, 'wxt/browser': nativeWxtBrowser } };
    },
  },
  manifest: ({ browser }) => ({
    name: 'CertCentral Companion',
    description: 'Order and renew DigiCert CertCentral certificates from reusable templates.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: certCentralHosts,
    // Firefox keys extension storage by this id; without it, data would not survive a reinstall.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'certcentral-companion@tools.local' } } }
      : {}),
  }),
});
