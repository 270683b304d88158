/**
 * For the engine's end-to-end tests: an EV order handed to the background as the popup hands it
 * (submitOrder), and the summary each run leaves in test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SubmissionView } from '../../lib/messaging';
import { validEvOrderBody } from '../sandbox/client';
import { callBackground } from './extension-calls';

/** Submits a valid EV order for `commonName` (with `changes` over the body); throws if it is refused. */
export async function submitEvOrder(
  page: Page,
  csr: string,
  commonName: string,
  changes: Record<string, unknown> = {},
): Promise<SubmissionView> {
  const body = { ...validEvOrderBody(csr, commonName), ...changes };
  body.certificate = { ...(body.certificate as object), common_name: commonName, dns_names: [commonName] };
  const reply = await callBackground(page, 'submitOrder', {
    product: 'ssl_ev_securesite_pro',
    request: body,
  });
  if (!reply.ok) throw new Error(reply.error.title);
  if (!reply.value.accepted) throw new Error(`refused locally: ${JSON.stringify(reply.value.problems)}`);
  return reply.value.submission;
}

/** Writes test-results/<name>-summary.json and logs it, for a person reading the run afterwards. */
export function writeSummary(name: string, summary: object): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${name}-summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`${name} summary`, JSON.stringify(summary));
}
