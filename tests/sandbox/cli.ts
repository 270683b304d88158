// `npx tsx tests/sandbox/cli.ts` (npm run dev:sandbox): runs the sandbox on SANDBOX_PORT or 8443
// until Ctrl-C, for manual exploration and for `npm start` without a DigiCert account.
import { SANDBOX_KEYS, SEED_IDS } from './seed';
import { startSandbox } from './server';

const port = Number(process.env.SANDBOX_PORT ?? 8443);
const sandbox = await startSandbox({ port });
const lines = [
  `CertCentral sandbox listening on ${sandbox.origin} (127.0.0.1 only)`,
  `  API base:   ${sandbox.origin}/services/v2   (header X-DC-DEVKEY)`,
  `  Console:    ${sandbox.origin}/secure/orders/`,
  `  Control:    ${sandbox.origin}/__sandbox/`,
  '  API keys:',
  ...Object.entries(SANDBOX_KEYS).map(([name, key]) => `    ${key.padEnd(22)} ${name}`),
  `  EV organization ${SEED_IDS.organizations.ev}, EV approver user ${SEED_IDS.users.evApprover}, ` +
    `required custom field ${SEED_IDS.metadata.requiredText}`,
  `  Organizations: OV only ${SEED_IDS.organizations.ov}, EV expired ${SEED_IDS.organizations.evExpired}, ` +
    `EV pending ${SEED_IDS.organizations.evPending}, deactivated ${SEED_IDS.organizations.inactive}`,
  '  The certificate is self-signed: use curl -k, or Chromium with --ignore-certificate-errors.',
  'Press Ctrl-C to stop.',
];
console.log(lines.join('\n'));

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
