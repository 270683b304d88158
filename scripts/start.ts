/**
 * `npm start`: the local CertCentral sandbox on https://127.0.0.1:8443 and Chromium with the freshly
 * built extension, every CertCentral host mapped to the sandbox. Without a display it says how to
 * load the build by hand. Nothing here talks to the real DigiCert.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SANDBOX_KEYS } from '../tests/sandbox/seed';
import { startSandbox } from '../tests/sandbox/server';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR } from '../tests/support/browser';

const port = Number(process.env.SANDBOX_PORT ?? 8443);
const sandbox = await startSandbox({ port });
const profile = resolve(import.meta.dirname, '../.output/start-profile');
mkdirSync(profile, { recursive: true });
const args = [...chromiumArgs(port), `--user-data-dir=${profile}`, `https://www.digicert.com/secure/orders/`];

console.log(`
CertCentral sandbox: ${sandbox.origin} (control page: ${sandbox.origin}/__sandbox/)
Paste this API key in the extension's settings: ${SANDBOX_KEYS.admin}
  (also: ${SANDBOX_KEYS.viewOnly} is a View Only key, ${SANDBOX_KEYS.orders} an Orders-only key)
`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`No display here, so Chromium was not opened. To try the extension by hand:
  1. Start Chromium with these flags (they send www.digicert.com and certcentral.digicert.eu to the sandbox):
     ${CHROMIUM} ${args
       .filter((a) => !a.startsWith('--user-data-dir') && !a.startsWith('https:') && !a.includes('extension'))
       .map((a) => `'${a}'`)
       .join(' ')}
  2. Open chrome://extensions, turn on Developer mode, choose "Load unpacked" and pick:
     ${EXTENSION_DIR}
The sandbox keeps running until Ctrl-C.`);
} else {
  const browser = spawn(CHROMIUM, args, { stdio: 'ignore' });
  browser.on('exit', async () => {
    await sandbox.close();
    process.exit(0);
  });
  console.log('Chromium is open with the extension; close it (or press Ctrl-C) to stop.');
}

process.on('SIGINT', async () => {
  await sandbox.close();
  process.exit(0);
});
