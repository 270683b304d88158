import { describe, expect, it } from 'vitest';
import { addMessages, SUBMISSION_STATES, type SubmissionState, TIMELINE_LIMIT } from './entry';
import { ALLOWED_FROM, apply, type MachineEvent, TransitionError } from './machine';
import { AT, entryIn } from './testing/entries';

const t = (ms: number) => new Date(AT.getTime() + ms);
const problem = { messages: [{ code: 'c', message: 'm' }], note: 'n' };

/** One sample of every event, with the state it is applied in and what must come out. */
const TRANSITIONS: [MachineEvent, SubmissionState, SubmissionState][] = [
  [{ type: 'send', region: 'eu' }, 'queued', 'sending'],
  [{ type: 'no-answer', status: 500, retryAt: t(2000), ...problem }, 'sending', 'unknown'],
  [{ type: 'refused', ...problem }, 'sending', 'failed'],
  [{ type: 'not-sent', ...problem }, 'queued', 'failed'],
  [{ type: 'interrupted' }, 'sending', 'unknown'],
  [{ type: 'reconcile' }, 'unknown', 'reconciling'],
  [{ type: 'check-again' }, 'unknown', 'reconciling'],
  [{ type: 'placed', via: 'response', orderId: 7, firstCheckAt: t(30_000) }, 'sending', 'placed'],
  [
    { type: 'placed', via: 'lookup', orderId: 7, orderStatus: 'pending', firstCheckAt: t(1) },
    'reconciling',
    'placed',
  ],
  [{ type: 'none-found', retryAt: t(4000) }, 'reconciling', 'queued'],
  [{ type: 'not-found-yet', retryAt: t(5000) }, 'reconciling', 'unknown'],
  [{ type: 'lookup-failed', retryAt: t(5000), ...problem }, 'reconciling', 'unknown'],
  [{ type: 'card-missing' }, 'queued', 'failed'],
  [{ type: 'card-missing' }, 'reconciling', 'failed'],
  [{ type: 'duplicates-checked', found: [] }, 'placed', 'placed'],
  [{ type: 'order-checked', orderStatus: 'pending', nextCheckAt: t(60_000) }, 'placed', 'placed'],
  [{ type: 'check-failed', nextCheckAt: t(60_000), ...problem }, 'placed', 'placed'],
  [{ type: 'follow-up-stopped' }, 'placed', 'placed'],
  [{ type: 'canceled-by-user', note: 'not needed' }, 'placed', 'placed'],
  [{ type: 'renewed-elsewhere', found: { orderId: 9 } }, 'queued', 'failed'],
  [{ type: 'renewed-elsewhere', found: { orderId: 9 } }, 'sending', 'failed'],
  [{ type: 'renewed-elsewhere', found: { orderId: 9, ownCanceled: 1001 } }, 'placed', 'failed'],
];

describe('state machine: allowed transitions', () => {
  it.each(TRANSITIONS)('%o in %s → %s', (event, from, to) => {
    const next = apply(entryIn(from), event, t(10_000));
    expect(next.state).toBe(to);
    expect(next.updatedAt).toBe(t(10_000).toISOString());
  });

  it('covers every event type', () => {
    const covered = new Set(TRANSITIONS.map(([e]) => e.type));
    expect([...covered].sort()).toEqual(Object.keys(ALLOWED_FROM).sort());
  });

  const refused = TRANSITIONS.flatMap(([event]) =>
    SUBMISSION_STATES.filter((s) => !ALLOWED_FROM[event.type].includes(s)).map(
      (s) => [event.type, s, event] as const,
    ),
  );
  it.each(refused)('%s is refused in state %s', (_type, state, event) => {
    expect(() => apply(entryIn(state), event, AT)).toThrow(TransitionError);
  });
});

describe('state machine: what each transition records', () => {
  it('interrupted: the POST left when "sending" was written, so its answer may arrive for a minute', () => {
    const sending = { ...entryIn('sending'), updatedAt: t(0).toISOString() };
    const next = apply(sending, { type: 'interrupted' }, t(5_000));
    expect(next.answerPendingUntil).toBe(t(60_000).toISOString());
  });

  it('not-found-yet looks again later and never queues a resend', () => {
    const next = apply(entryIn('reconciling'), { type: 'not-found-yet', retryAt: t(5_000) }, AT);
    expect(next).toMatchObject({ state: 'unknown', nextAttemptAt: t(5_000).toISOString() });
    expect(next.attempts).toBe(entryIn('reconciling').attempts);
  });

  it('send counts the POST and records the region', () => {
    const next = apply(entryIn('queued'), { type: 'send', region: 'eu' }, AT);
    expect(next).toMatchObject({ attempts: 1, region: 'eu', nextAttemptAt: undefined });
  });

  it('no-answer keeps every message, the status, and when to look it up', () => {
    const next = apply(
      entryIn('sending'),
      { type: 'no-answer', status: 429, retryAt: t(2000), ...problem },
      AT,
    );
    expect(next).toMatchObject({ lastHttpStatus: 429, nextAttemptAt: t(2000).toISOString(), note: 'n' });
    expect(next.messages).toContainEqual({ code: 'c', message: 'm' });
  });

  it('refused is finished, with the API messages and the note', () => {
    const next = apply(entryIn('sending'), { type: 'refused', ...problem }, t(5));
    expect(next).toMatchObject({ state: 'failed', finishedAt: t(5).toISOString(), note: 'n' });
  });

  it('placed records the order, request and certificate ids and the first check', () => {
    const next = apply(
      entryIn('sending'),
      {
        type: 'placed',
        via: 'response',
        orderId: 9,
        requestId: 90,
        certificateId: 900,
        firstCheckAt: t(30_000),
      },
      AT,
    );
    expect(next).toMatchObject({ orderId: 9, requestId: 90, certificateId: 900, placedAt: AT.toISOString() });
    expect(next.followUp.nextCheckAt).toBe(t(30_000).toISOString());
  });

  it('none-found queues again with the same id while tries are left, then stops as unknown', () => {
    const again = apply(entryIn('reconciling'), { type: 'none-found', retryAt: t(4000) }, AT);
    expect(again).toMatchObject({ state: 'queued', nextAttemptAt: t(4000).toISOString() });
    expect(again.request.alternative_order_id).toBe(again.id);
    const spent = apply(
      entryIn('reconciling', { attempts: 4 }),
      { type: 'none-found', retryAt: t(4000) },
      AT,
    );
    expect(spent).toMatchObject({ state: 'unknown', nextAttemptAt: undefined });
    expect(spent.note).toMatch(/check again/);
  });

  it('lookup-failed retries when given a time, says so once CertCentral has been silent a while, else stops', () => {
    const e = { type: 'lookup-failed', retryAt: t(5000), ...problem } as const;
    const once = apply(entryIn('reconciling'), e, AT);
    expect(once).toMatchObject({ state: 'unknown', lookupFailures: 1, nextAttemptAt: t(5000).toISOString() });
    expect(once.note).toMatch(/Could not check yet/);
    const slow = apply(entryIn('reconciling', { lookupFailures: 3 }), e, AT);
    expect(slow).toMatchObject({ state: 'unknown', lookupFailures: 4, nextAttemptAt: t(5000).toISOString() });
    expect(slow.note).toMatch(/has not answered for a while.*Nothing is sent meanwhile/);
    const { retryAt: _none, ...stop } = e;
    const stopped = apply(entryIn('reconciling', { lookupFailures: 3 }), stop, AT);
    expect(stopped).toMatchObject({ state: 'unknown', lookupFailures: 4, nextAttemptAt: undefined });
    expect(stopped.note).toMatch(/check again/);
  });

  it('none-found at the bound waits out an outage with one more try, or stops for a person', () => {
    const atBound = entryIn('reconciling', { attempts: 4, allowedAttempts: 4 });
    const waiting = apply(atBound, { type: 'none-found', retryAt: t(60_000), waitOut: true }, AT);
    expect(waiting).toMatchObject({
      state: 'unknown',
      allowedAttempts: 5,
      nextAttemptAt: t(60_000).toISOString(),
    });
    expect(waiting.note).toMatch(/not answering.*sent once more with the same id/);
    const stopped = apply(atBound, { type: 'none-found', retryAt: t(60_000) }, AT);
    expect(stopped).toMatchObject({ state: 'unknown', allowedAttempts: 4, nextAttemptAt: undefined });
  });

  it('check-again allows one more POST and resets the lookup count', () => {
    const stuck = entryIn('unknown', {
      attempts: 4,
      allowedAttempts: 4,
      lookupFailures: 4,
      nextAttemptAt: undefined,
    });
    expect(apply(stuck, { type: 'check-again' }, AT)).toMatchObject({
      state: 'reconciling',
      allowedAttempts: 5,
      lookupFailures: 0,
    });
  });

  it('card-missing fails and asks to re-enter the card', () => {
    const next = apply(entryIn('reconciling'), { type: 'card-missing' }, AT);
    expect(next.note).toMatch(/re-enter the card/);
    expect(next.finishedAt).toBeDefined();
  });

  it.each(['issued', 'rejected', 'canceled', 'revoked'])(
    'order-checked %s is final: follow-up ends',
    (status) => {
      const next = apply(
        entryIn('placed'),
        { type: 'order-checked', orderStatus: status, reason: 'Domain failed', nextCheckAt: t(60_000) },
        AT,
      );
      expect(next).toMatchObject({
        orderStatus: status,
        finishedAt: AT.toISOString(),
        followUp: { checks: 1 },
      });
      expect(next.followUp.nextCheckAt).toBeUndefined();
    },
  );

  it.each(['pending', 'needs_approval', 'approved'])('order-checked %s keeps following', (status) => {
    const next = apply(
      entryIn('placed'),
      { type: 'order-checked', orderStatus: status, nextCheckAt: t(60_000) },
      AT,
    );
    expect(next.finishedAt).toBeUndefined();
    expect(next.followUp.nextCheckAt).toBe(t(60_000).toISOString());
  });

  it('a rejection says the reason when the API gives one, and says so when it does not', () => {
    const e = { type: 'order-checked', orderStatus: 'rejected', nextCheckAt: t(1) } as const;
    expect(apply(entryIn('placed'), { ...e, reason: 'EV docs missing' }, AT).note).toBe(
      'Rejected by CertCentral: EV docs missing',
    );
    expect(apply(entryIn('placed'), e, AT).note).toMatch(/no reason/);
  });

  it('follow-up-stopped and canceled-by-user finish the entry', () => {
    expect(apply(entryIn('placed'), { type: 'follow-up-stopped' }, AT).finishedAt).toBeDefined();
    const canceled = apply(entryIn('placed'), { type: 'canceled-by-user', note: 'typo' }, AT);
    expect(canceled).toMatchObject({ orderStatus: 'canceled', note: 'Canceled by you: typo' });
  });

  it('duplicates-checked records what was found, a later record replacing an earlier one', () => {
    const d = { orderId: 8, foundStatus: 'pending', at: AT.toISOString(), detail: 'x' };
    const first = apply(
      entryIn('placed'),
      { type: 'duplicates-checked', found: [{ ...d, outcome: 'cancel-failed' }] },
      AT,
    );
    const second = apply(first, { type: 'duplicates-checked', found: [{ ...d, outcome: 'canceled' }] }, AT);
    expect(second.duplicates).toEqual([{ ...d, outcome: 'canceled' }]);
    expect(second.duplicatesCheckedAt).toBe(AT.toISOString());
  });
});

describe('state machine: history', () => {
  it('adds a timeline step per change of state, bounded', () => {
    let e = entryIn('queued');
    for (let i = 0; i < 40; i++) {
      e = apply(e, { type: 'send', region: 'us' }, AT);
      e = apply(e, { type: 'no-answer', retryAt: AT, ...problem }, AT);
      e = apply(e, { type: 'reconcile' }, AT);
      e = apply({ ...e, attempts: 0 }, { type: 'none-found', retryAt: AT }, AT);
    }
    expect(e.timeline).toHaveLength(TIMELINE_LIMIT);
    expect(e.timeline.at(-1)?.state).toBe('queued');
  });

  it('keeps each API message once', () => {
    const m = { code: 'a', message: 'b' };
    expect(addMessages([m], [m, { code: 'a', message: 'c' }])).toEqual([m, { code: 'a', message: 'c' }]);
  });

  it('does not change the entry it was given (pure)', () => {
    const before = entryIn('queued');
    const copy = structuredClone(before);
    apply(before, { type: 'send', region: 'us' }, AT);
    expect(before).toEqual(copy);
  });
});
