/**
 * Reading an order's validation state and the actions that move it on, each answered with what
 * CertCentral said: the calls are in lib/certcentral/validation.ts, the facts in docs/certcentral-api.md
 * "Validation follow-through". Every action ends with a fresh GET …/validation, so the state shown
 * after it is the one CertCentral reports, never one inferred from the action's own answer.
 */

import { readDcvEmails } from '../certcentral/dcv-emails';
import type { Transport } from '../certcentral/transport';
import {
  changeDcvMethod,
  checkOrderDcv,
  getDcvRandomValue,
  getOrderValidation,
  resendDcvEmails,
} from '../certcentral/validation';
import { isValueExpired } from '../certcentral/validation-reading';
import { dcvMethodKind, type KnownDcvMethod } from './methods';
import type { ValidationOutcome } from './schemas';
import {
  readSnapshot,
  type SnapshotDomain,
  type SnapshotToken,
  saveSnapshot,
  snapshotOf,
  tokenMethodOf,
  type ValidationSnapshot,
} from './snapshot';

export type { ValidationOutcome };

export interface ValidationDeps {
  transport: Transport;
  now: () => Date;
  /**
   * A person is looking (the history panel and its actions): the addresses DigiCert writes to are
   * asked for where not known yet. The background's follow-up leaves this off: it only carries over
   * what is known, since nobody reads them there and a 200-order bulk renewal would spend hundreds
   * of requests of the account's budget on them.
   */
  readEmails?: boolean;
}

export interface ValidationResult {
  /** The state read after the action; the one stored before when that read failed (see `readError`). */
  snapshot: ValidationSnapshot | undefined;
  outcome: ValidationOutcome;
  /** The action was done, but reading the state after it failed: the snapshot is the older one. */
  readError?: unknown;
}

/**
 * The state after an action. The action itself succeeded, so a failed read must not turn it into a
 * failure (the person would do it again): the older snapshot is kept (with a new value, if the action
 * gave one) and the read's error is passed along.
 */
async function stateAfter(
  deps: ValidationDeps,
  orderId: number,
  outcome: ValidationOutcome,
  token?: SnapshotToken,
): Promise<ValidationResult> {
  try {
    return { snapshot: await refreshValidation(deps, orderId, token), outcome };
  } catch (readError) {
    const previous = await readSnapshot(orderId);
    const snapshot = previous && token ? await saveSnapshot({ ...previous, token }) : previous;
    return { snapshot, outcome, readError };
  }
}

function tokenOf(
  answer: { dcv_random_value: string; expiration_date?: string | null | undefined },
  method: string,
): SnapshotToken {
  return {
    value: answer.dcv_random_value,
    ...(answer.expiration_date ? { expiresAt: answer.expiration_date } : {}),
    method,
  };
}

/**
 * GET …/validation, stored as the order's snapshot. When a pending domain uses a token method and no
 * value for that method is known yet, the order's value is asked for once (PUT …/dcv-random-value):
 * DigiCert answers the same value while it is valid, so asking does not replace a value the person
 * may have published; a value known already is not asked for again (an expired one is renewed only
 * through `newToken`, on the person's request).
 */
export async function refreshValidation(
  deps: ValidationDeps,
  orderId: number,
  tokenOverride?: SnapshotToken,
): Promise<ValidationSnapshot> {
  const previous = await readSnapshot(orderId);
  const answer = await getOrderValidation(deps.transport, orderId);
  let snapshot = snapshotOf(
    orderId,
    answer,
    deps.now(),
    tokenOverride ? { ...(previous ?? emptyLike(orderId)), token: tokenOverride } : previous,
  );
  const method = tokenMethodOf(snapshot);
  if (method !== undefined && snapshot.token === undefined && snapshot.orderStatus === 'pending') {
    const value = await getDcvRandomValue(deps.transport, orderId);
    snapshot = { ...snapshot, token: tokenOf(value, method) };
  }
  return saveSnapshot(await withEmailAddresses(deps, snapshot, previous));
}

/**
 * At most this many domains' addresses are asked for in one read (one GET each); the rest are asked
 * at the next read. An order rarely has more email domains than this, and a read shares the API
 * key's request budget with submissions.
 */
export const EMAIL_READS_PER_REFRESH = 5;

/**
 * The addresses DigiCert writes to, for each domain still waiting on the email method: carried over
 * from the previous read while the domain still uses email (they change only with the domain's DNS,
 * WHOIS or the account's settings), else asked for once when a person is looking (`readEmails`). A
 * failed read leaves them out: the panel says it does not know them, and its next read asks again.
 */
async function withEmailAddresses(
  deps: ValidationDeps,
  snapshot: ValidationSnapshot,
  previous: ValidationSnapshot | undefined,
): Promise<ValidationSnapshot> {
  let reads = 0;
  const limit = deps.readEmails ? EMAIL_READS_PER_REFRESH : 0;
  const domains: SnapshotDomain[] = [];
  for (const domain of snapshot.domains) {
    if (domain.validated || dcvMethodKind(domain.method) !== 'email') {
      domains.push(domain);
      continue;
    }
    const known = previous?.domains.find((d) => d.name === domain.name && d.method === domain.method)?.emails;
    if (known) {
      domains.push({ ...domain, emails: known });
      continue;
    }
    if (reads >= limit) {
      domains.push(domain);
      continue;
    }
    reads += 1;
    try {
      const read = await readDcvEmails(deps.transport, domain.domainId ?? domain.name);
      domains.push({ ...domain, emails: read.addresses });
    } catch {
      domains.push(domain);
    }
  }
  return { ...snapshot, domains };
}

function emptyLike(orderId: number): ValidationSnapshot {
  return {
    orderId,
    readAt: new Date(0).toISOString(),
    domains: [],
    organization: [],
    approvers: [],
    unreadable: 0,
  };
}

/** PUT …/check-dcv, then the state after it. */
export async function checkDcvNow(deps: ValidationDeps, orderId: number): Promise<ValidationResult> {
  const checked = await checkOrderDcv(deps.transport, orderId);
  if (checked.kind === 'value-not-found') {
    return stateAfter(deps, orderId, { kind: 'value-not-found', message: checked.message });
  }
  const items = checked.answer.dns_name_validations.items;
  const named = (done: boolean) =>
    items.filter((i) => isDoneStatus(i.status) === done && i.dns_name).map((i) => i.dns_name as string);
  return stateAfter(deps, orderId, {
    kind: 'checked',
    validated: named(true),
    pending: named(false),
    ...(checked.answer.dcv_status ? { dcvStatus: checked.answer.dcv_status } : {}),
  });
}

const isDoneStatus = (status: string) =>
  ['approved', 'valid', 'validated', 'complete', 'completed'].includes(status.toLowerCase());

/**
 * PUT …/dcv-random-value: DigiCert answers a new value only once the old one expired, the same
 * one while it is valid ("Get order DCV random value"); `changed` says which happened.
 */
export async function newToken(deps: ValidationDeps, orderId: number): Promise<ValidationResult> {
  const previous = await readSnapshot(orderId);
  const answer = await getDcvRandomValue(deps.transport, orderId);
  const method = (previous && tokenMethodOf(previous)) ?? previous?.dcvMethod ?? 'dns-txt-token';
  const token = tokenOf(answer, method);
  return stateAfter(
    deps,
    orderId,
    { kind: 'token', token, changed: previous?.token?.value !== token.value },
    token,
  );
}

/** PUT …/dcv-method: the new method's value (none for email), then the state after it. */
export async function changeMethod(
  deps: ValidationDeps,
  orderId: number,
  method: KnownDcvMethod,
): Promise<ValidationResult> {
  const answer = await changeDcvMethod(deps.transport, orderId, method);
  return stateAfter(
    deps,
    orderId,
    { kind: 'method-changed', method },
    answer ? tokenOf(answer, method) : undefined,
  );
}

/** PUT …/resend-emails (204), then the state after it. */
export async function resendEmails(deps: ValidationDeps, orderId: number): Promise<ValidationResult> {
  await resendDcvEmails(deps.transport, orderId);
  return stateAfter(deps, orderId, { kind: 'emails-resent' });
}

/** Pure: the snapshot's token is past its expiry (and a new one can be asked for). */
export function tokenExpired(snapshot: ValidationSnapshot, now: Date): boolean {
  return snapshot.token !== undefined && isValueExpired({ expiration_date: snapshot.token.expiresAt }, now);
}
