// Tests only: entries in a given state, built through the state machine itself where possible so
// they look exactly like what the engine writes.
import { newEntry, type OutboxEntry, type SubmissionState } from '../entry';
import { apply } from '../machine';
import { EV, orderBody, TODAY } from './harness';

export const AT = TODAY;
const later = (ms: number) => new Date(AT.getTime() + ms);

export function queuedEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  const id = overrides.id ?? '00000000-0000-4000-8000-00000000aaaa';
  const request = { ...orderBody(), alternative_order_id: id };
  return {
    ...newEntry({ id, product: EV, request, commonName: 'example.com', allowedAttempts: 4, now: AT }),
    ...overrides,
  };
}

export function entryIn(state: SubmissionState, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  const queued = queuedEntry(overrides.id ? { id: overrides.id } : {});
  const sending = apply(queued, { type: 'send', region: 'us' }, AT);
  const unknown = apply(
    sending,
    {
      type: 'no-answer',
      messages: [{ code: 'network', message: 'socket hang up' }],
      note: 'x',
      retryAt: later(2000),
    },
    AT,
  );
  const reconciling = apply(unknown, { type: 'reconcile' }, later(2000));
  const byState: Record<SubmissionState, () => OutboxEntry> = {
    queued: () => queued,
    sending: () => sending,
    unknown: () => unknown,
    reconciling: () => reconciling,
    placed: () =>
      apply(sending, { type: 'placed', via: 'response', orderId: 1001, firstCheckAt: later(30_000) }, AT),
    failed: () =>
      apply(sending, { type: 'refused', messages: [{ code: 'bad', message: 'Bad' }], note: 'Bad' }, AT),
  };
  return { ...byState[state](), ...overrides };
}
