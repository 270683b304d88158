import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
