/**
 * The background's alerts: the daily expiry check wired to the API, the outbox and the browser,
 * the "Needs you" list and the badge, and the settings changes the pages ask for. Only the
 * background imports this (entrypoints/background.ts); the decisions are in the pure modules beside.
 */
import { browser } from 'wxt/browser';
import { listOrders, type OrderSummary } from '../certcentral/orders';
import { sharedSentLog } from '../certcentral/rate-limit';
import type { UserError } from '../messaging';
import { defaultSettingsDeps, openTransport, toUserError } from '../settings/service';
import { coalesced, type OutboxReader, readNeedsYou, refreshNeedsYouBadge } from './badge';
import { type DailyCheckResult, dailyCheckDue, runDailyCheck } from './daily';
import type { IssuedOrder } from './expiry';
import { renewalSubmissions, waitingSubmissions } from './from-outbox';
import { pruneSnoozes } from './settings';
import { showAlertNotices } from './show';
import { writeAlertSnapshot } from './snapshot';
import { changeAlertSettings, decideWithLedger, readAlertLedger, readAlertSettings } from './store';

/** The alarm that gives the daily check its turns: hourly, so a day missed while asleep or out of budget is soon made up. */
export const ALERT_CHECK_ALARM = 'alerts-daily-check';
export const ALERT_CHECK_PERIOD_MINUTES = 60;

export function issuedOrder(row: OrderSummary): IssuedOrder {
  return {
    id: row.id,
    commonName: row.certificate?.common_name ?? '',
    validTill: row.certificate?.valid_till ?? null,
    renewedOrderId: row.renewed_order_id ?? null,
  };
}

/** What "Check now" answers. */
export type AlertCheckAnswer =
  | {
      ok: true;
      value: {
        complete: boolean;
        ordersRead: number;
        notified: number;
        needRenewal: number;
        checkedAt?: string;
      };
    }
  | { ok: false; error: UserError };

export interface AlertService {
  /** Runs the check now (the settings' "Check now", or the alarm when it is due). */
  check(): Promise<AlertCheckAnswer>;
  /** The alarm's turn: the check if it is due, nothing otherwise. */
  checkIfDue(): Promise<void>;
  readNeedsYou: () => ReturnType<typeof readNeedsYou>;
  refreshBadge(): Promise<void>;
  /**
   * A new validation state was stored (the follow-up's read, a panel action): the badge recounts,
   * at most once a second, since a bulk renewal's follow-up reads hundreds of orders in a row.
   */
  validationStored(): void;
}

/** The badge is a hint: one recount a second is plenty while validation reads keep coming. */
const VALIDATION_RECOUNT_SPACING_MS = 1000;

export function createAlertService(outbox: OutboxReader): AlertService {
  let running: Promise<AlertCheckAnswer> | undefined;
  const recountSoon = coalesced(() => refreshNeedsYouBadge(outbox), VALIDATION_RECOUNT_SPACING_MS);

  async function checkOnce(): Promise<AlertCheckAnswer> {
    const transport = await openTransport(defaultSettingsDeps);
    if (!transport.ok) return { ok: false, error: transport.error };
    await changeAlertSettings((current) => ({ ok: true, value: pruneSnoozes(current, new Date()) }));
    let result: DailyCheckResult;
    try {
      result = await runDailyCheck({
        now: () => new Date(),
        async readPage(offset, limit) {
          const page = await listOrders(transport.value, { filters: { status: 'issued' }, offset, limit });
          return {
            orders: page.orders.map(issuedOrder),
            received: page.orders.length + page.unreadable.length,
            ...(page.page?.total !== undefined ? { total: page.page.total } : {}),
          };
        },
        async submissions() {
          const entries = await outbox.list();
          return { renewals: renewalSubmissions(entries), waiting: waitingSubmissions(entries) };
        },
        sentLog: sharedSentLog,
        settings: readAlertSettings,
        decide: decideWithLedger,
        show: showAlertNotices,
        keep: writeAlertSnapshot,
      });
    } finally {
      await refreshNeedsYouBadge(outbox);
    }
    if (result.error !== undefined && result.ordersRead === 0)
      return { ok: false, error: toUserError(result.error) };
    const ledger = await readAlertLedger();
    return {
      ok: true,
      value: {
        complete: result.complete,
        ordersRead: result.ordersRead,
        notified: result.notified.length,
        needRenewal: result.needRenewal,
        ...(ledger.checkedAt ? { checkedAt: ledger.checkedAt } : {}),
      },
    };
  }

  function check(): Promise<AlertCheckAnswer> {
    // One check at a time: a second asker gets the answer of the one running (the ledger's
    // transaction already keeps two from telling the same thing; this keeps them from reading twice).
    running ??= checkOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    check,
    async checkIfDue() {
      if (dailyCheckDue(await readAlertLedger(), new Date())) await check();
    },
    readNeedsYou: () => readNeedsYou(outbox),
    refreshBadge: () => refreshNeedsYouBadge(outbox),
    validationStored: recountSoon,
  };
}

/** Created once, like the outbox's sweep: re-creating it at every worker start would keep pushing it back. */
export async function ensureAlertAlarm(): Promise<void> {
  if (!(await browser.alarms.get(ALERT_CHECK_ALARM))) {
    await browser.alarms.create(ALERT_CHECK_ALARM, {
      // The first turn waits a full period: the minutes after start-up belong to the submissions
      // resumed then (daily-check.ts: submissions first), and a check missed is made up within it.
      delayInMinutes: ALERT_CHECK_PERIOD_MINUTES,
      periodInMinutes: ALERT_CHECK_PERIOD_MINUTES,
    });
  }
}
