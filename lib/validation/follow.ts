/**
 * The validation half of following a placed order: after the order's own GET (lib/outbox/follow-up.ts,
 * same schedule, same rate-limited transport), its validation state is read and stored, and the
 * alerts' one-time notices (lib/alerts/follow-up.ts: a domain validated, a token about to expire, an
 * order stuck) are decided against the "already told" ledger in one transaction (decideWithLedger)
 * and shown. Issuance of an order placed here is announced by the outbox alone (`followedByOutbox`),
 * so each order has exactly one "issued" notification.
 */

import { budgetFromLog } from '../alerts/daily-check';
import { decideFollowUpNotices, domainStatesOf, type FollowedOrder } from '../alerts/follow-up';
import type { AlertNotice } from '../alerts/notice';
import { decideWithLedger, readAlertSettings } from '../alerts/store';
import { DOCUMENTED_WINDOWS } from '../certcentral/rate-limit';
import type { ValidationDeps } from './actions';
import { refreshValidation } from './actions';
import { readSnapshot, type ValidationSnapshot } from './snapshot';

/**
 * A stored state younger than this is decided on without asking CertCentral again. The order's own
 * GET runs on the outbox's schedule (every few minutes at first); validation moves in hours or days,
 * and the person's own actions (Check DCV now, a new value) store a fresh state as they run. Asking
 * at every round doubled the requests of a 200-order bulk renewal.
 */
export const VALIDATION_FRESH_MS = 15 * 60_000;

/** What the outbox knows of the order it follows. */
export interface FollowedPlacement {
  orderId: number;
  commonName: string;
  /** The status the order GET just answered. */
  status: string;
  /** When the order was placed (the start of its wait). */
  createdAt: string;
}

/** Pure: the order as the alerts' decision reads it, from the snapshot just read. */
export function followedOrderOf(
  placement: FollowedPlacement,
  snapshot: ValidationSnapshot | undefined,
): FollowedOrder {
  return {
    id: placement.orderId,
    commonName: placement.commonName,
    status: placement.status,
    createdAt: placement.createdAt,
    domains: domainStatesOf(snapshot),
    followedByOutbox: true,
  };
}

export interface FollowDeps extends ValidationDeps {
  show: (notice: AlertNotice) => void | Promise<void>;
  /** Send times of the requests made with this key (rate-limit.ts sharedSentLog): see hasSpareBudget. */
  sentLog?: () => readonly number[];
  /** A state read from CertCentral was stored (the badge counts domains still to validate). */
  stored?: () => void;
}

/**
 * Whether a validation read may be made now: only while more than half of the long window's requests
 * (DigiCert allows 1000 in 3 minutes per key) are left. Submissions go first (rate-limit.ts), but
 * every read still counts against the same window: a 200-order bulk renewal whose first orders were
 * followed up while the run went on spent 1,889 requests, crossed the long limit and took 228 s;
 * with this rule, 804 requests and 43 s (tests/e2e/renewal.e2e.ts). A pending order's state moves in
 * hours; the next round reads it.
 */
export function hasSpareBudget(sentLog: readonly number[], now: Date): boolean {
  const longest = DOCUMENTED_WINDOWS.at(-1);
  if (!longest) return true;
  return budgetFromLog(sentLog, now.getTime()).long > longest.limit / 2;
}

/**
 * One round for one order: its validation state is read (one GET, plus the order's random value the
 * first time a token method is seen) and stored, then the notices are decided. The caller asks while
 * the order is pending and once more in the round it leaves pending (so a domain validated in that
 * same round is still told, and the ledger's entry is closed). A failed read decides nothing: the
 * next round tries again, so nothing is told from a state not read.
 */
export async function followOrderValidation(deps: FollowDeps, placement: FollowedPlacement): Promise<void> {
  let snapshot: ValidationSnapshot;
  let stored: ValidationSnapshot | undefined;
  try {
    stored = await readSnapshot(placement.orderId);
    const fresh =
      stored !== undefined &&
      stored.orderStatus === placement.status &&
      deps.now().getTime() - Date.parse(stored.readAt) < VALIDATION_FRESH_MS;
    if (fresh && stored) snapshot = stored;
    // The round an order leaves pending is read whatever the budget: it is the last one.
    else if (placement.status === 'pending' && deps.sentLog && !hasSpareBudget(deps.sentLog(), deps.now()))
      return;
    else snapshot = await refreshValidation(deps, placement.orderId);
  } catch {
    return;
  }
  if (snapshot !== stored) deps.stored?.();
  const order = followedOrderOf(placement, snapshot);
  const settings = await readAlertSettings();
  const now = deps.now();
  const { notices } = await decideWithLedger((ledger) =>
    decideFollowUpNotices({ orders: [order], complete: false, settings, ledger, now }),
  );
  for (const notice of notices) await deps.show(notice);
}

type Follower = (transport: ValidationDeps['transport'], placement: FollowedPlacement) => Promise<void>;
let follower: Follower | undefined;

/**
 * The background installs the follower once at start (entrypoints/background.ts); the outbox engine
 * alone (its unit tests, the options page) runs without one and reads only the order.
 */
export function installValidationFollower(f: Follower | undefined): void {
  follower = f;
}

/** Called by the outbox's follow-up step; never throws (a failure here must not stop following). */
export async function runValidationFollower(
  transport: ValidationDeps['transport'],
  placement: FollowedPlacement,
): Promise<void> {
  try {
    await follower?.(transport, placement);
  } catch (err) {
    console.error('Validation follow-up failed', err);
  }
}
