/**
 * The toolbar badge: how many things need the administrator (needs-you.ts), not only submissions:
 * failed or unconfirmed submissions, certificates past a reminder day with no renewal on its way,
 * domains still to validate and orders stuck in validation (from the last validation state read,
 * lib/validation/snapshot.ts). Recounted whenever the outbox changes, after each daily check and
 * after a snooze, from stored state only: counting never calls the API.
 */
import { browser } from 'wxt/browser';
import { t, tn } from '../i18n';
import type { OutboxEntry } from '../outbox/entry';
import { readSnapshots } from '../validation/snapshot';
import { type NeedsYouView, needsYouFromState, needsYouView, pendingOrderIds } from './from-outbox';
import { badgeCount, badgeText } from './needs-you';
import { readAlertSnapshot } from './snapshot';
import { readAlertLedger, readAlertSettings } from './store';

/** What the badge needs from the outbox (lib/outbox SubmissionEngine). */
export interface OutboxReader {
  list(): Promise<OutboxEntry[]>;
  setAside(): Promise<readonly unknown[]>;
}

export interface NeedsYouList {
  items: NeedsYouView[];
  /** What the badge shows: items not snoozed, and history records set aside as unreadable. */
  count: number;
  /** The last complete daily check, if any. */
  checkedAt?: string;
}

export async function readNeedsYou(outbox: OutboxReader, now = new Date()): Promise<NeedsYouList> {
  const [entries, aside, snapshot, settings, ledger] = await Promise.all([
    outbox.list(),
    outbox.setAside(),
    readAlertSnapshot(),
    readAlertSettings(),
    readAlertLedger(),
  ]);
  const validations = await readSnapshots(pendingOrderIds(entries));
  const items = needsYouFromState({ entries, snapshot, settings, now, validations });
  // An unreadable record set aside is a submission nobody can see in the list: it still needs a look.
  return {
    items: items.map(needsYouView),
    count: badgeCount(items) + aside.length,
    ...(ledger.checkedAt ? { checkedAt: ledger.checkedAt } : {}),
  };
}

export async function showNeedsYouCount(count: number): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
  await action.setBadgeText({ text: badgeText(count) });
  await action.setTitle({
    title:
      count > 0
        ? tn(count, 'history_badge_title_one', 'history_badge_title_other')
        : t('common_extension_name'),
  });
}

/** Recounts and shows; a failure leaves the badge as it was (it is a hint, the lists are the truth). */
export async function refreshNeedsYouBadge(outbox: OutboxReader): Promise<void> {
  try {
    await showNeedsYouCount((await readNeedsYou(outbox)).count);
  } catch {
    // Nothing to tell anyone: the next change recounts.
  }
}

/**
 * `run` at most once at a time and at most once per `spacingMs`: a burst of calls while it runs
 * (a 200-order bulk renewal saves its entries hundreds of times a minute) gives one more run after
 * it, not one each. Recounting reads every outbox entry, so one recount per save made the bulk
 * renewal five times slower.
 */
export function coalesced(
  run: () => Promise<void>,
  spacingMs: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): () => void {
  let running = false;
  let again = false;
  const loop = async () => {
    running = true;
    try {
      do {
        again = false;
        await run();
        if (again) await sleep(spacingMs);
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void loop();
  };
}
