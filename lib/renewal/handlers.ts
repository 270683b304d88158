/**
 * The background's answers to the renewal messages: the orders a page suggested (confirmed),
 * the Expiring view, a free reissue, and bulk renewal runs. Only the background imports this.
 */
import { browser } from 'wxt/browser';
import type { WorkerEventHub } from '../background/events';
import { handleMessage } from '../messaging/receive';
import type { SubmissionEngine } from '../outbox';
import { openTransport, type SettingsDeps, toUserError } from '../settings/service';
import { readTemplates } from '../templates/storage';
import { createBulkRenewals } from './bulk';
import { confirmOrders } from './confirm';
import { listExpiring } from './expiring';
import { renewalsInOutbox } from './guards';
import { readPageOrders } from './page-orders';
import { reissue } from './reissue';

/** Wakes the worker while a bulk run is going: timers die with it, alarms do not. */
export const BULK_ALARM = 'bulk-renewal';

export function registerRenewalHandlers(
  outbox: SubmissionEngine,
  deps: SettingsDeps,
  events: Pick<WorkerEventHub, 'on'>,
) {
  const facts = async () => ({ now: deps.now(), renewals: renewalsInOutbox(await outbox.list()) });
  const bulk = createBulkRenewals({
    engine: outbox,
    transport: () => openTransport(deps),
    now: deps.now,
    newId: () => crypto.randomUUID(),
    readTemplate: async (id) => (await readTemplates()).templates.find((t) => t.id === id),
    keepAwake: (active) => {
      if (active) void browser.alarms.create(BULK_ALARM, { periodInMinutes: 0.5 });
      else void browser.alarms.clear(BULK_ALARM);
    },
  });

  handleMessage('getPageRenewals', async ({ tabId }) => {
    const page = await readPageOrders(tabId);
    if (!page || page.orderIds.length === 0) return { ok: true, value: { orders: [], unconfirmed: [] } };
    const t = await openTransport(deps);
    if (!t.ok) return t;
    return { ok: true, value: await confirmOrders(t.value, page.orderIds, await facts()) };
  });
  handleMessage('listExpiringOrders', async (query) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    try {
      return { ok: true, value: await listExpiring(t.value, query, await facts()) };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    }
  });
  handleMessage('reissueOrder', async ({ orderId, csr }) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    return reissue(t.value, orderId, csr, deps.now());
  });
  handleMessage('startBulkRenewal', ({ templateId, orderIds }) => bulk.start(templateId, orderIds));
  handleMessage('getBulkRenewal', ({ runId }) => bulk.get(runId));
  handleMessage('pauseBulkRenewal', ({ runId, paused }) => bulk.setPaused(runId, paused));

  events.on('alarm', (alarm) => {
    if (alarm.name === BULK_ALARM) void bulk.resume();
  });
  // A run the stopped worker left half done goes on (its items are checked against the outbox first).
  void bulk.resume();
  return bulk;
}
