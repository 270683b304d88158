// When an entry wants the engine's attention: what runDue() processes and what the alarm is set to.
import type { OutboxEntry } from './entry';
import { msUntil } from './timing';

/** `sending`/`reconciling` found on disk outside a running step mean the worker stopped mid-step. */
export function isDue(e: OutboxEntry, now: Date): boolean {
  switch (e.state) {
    case 'sending':
    case 'reconciling':
      return true;
    case 'queued':
      return msUntil(e.nextAttemptAt, now) === 0;
    case 'unknown':
      return e.nextAttemptAt !== undefined && msUntil(e.nextAttemptAt, now) === 0;
    case 'placed':
      return e.finishedAt === undefined && msUntil(e.followUp.nextCheckAt, now) === 0;
    case 'failed':
      return false;
  }
}

/** The earliest time anything in the outbox wants to run; the alarm is set to it. */
export function wakeTime(e: OutboxEntry, now: Date): number | undefined {
  if (e.state === 'sending' || e.state === 'reconciling') return now.getTime();
  if (e.state === 'queued' || e.state === 'unknown') {
    return e.nextAttemptAt === undefined ? undefined : Date.parse(e.nextAttemptAt);
  }
  if (e.state === 'placed' && e.finishedAt === undefined && e.followUp.nextCheckAt !== undefined) {
    return Date.parse(e.followUp.nextCheckAt);
  }
  return undefined;
}
