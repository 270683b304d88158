/**
 * The alerts' messages (lib/messaging/protocol.ts): "Check now", the popup's "Needs you" list, and
 * the settings section's reads and changes. Every change goes through store.ts in one transaction;
 * a refused one writes nothing and says what is wrong with each field.
 */
import { t } from '../i18n';
import { handleMessage } from '../messaging/receive';
import { toUserError } from '../settings/service';
import type { AlertService } from './service';
import { type AlertSettings, type AlertSettingsError, snoozeOrder, unsnoozeOrder } from './settings';
import { changeAlertSettings, readAlertLedger, readAlertSettings, saveAlertSettings } from './store';
import type { AlertSettingsView } from './views';
import { alertWords } from './words';

const DAY_MS = 86_400_000;

/** Pure: the settings as the page shows them, snoozes the soonest to end first. */
export function alertSettingsView(settings: AlertSettings, checkedAt?: string): AlertSettingsView {
  return {
    thresholds: [...settings.thresholds],
    notify: { ...settings.notify },
    stuckDays: settings.stuckDays,
    snoozed: Object.entries(settings.snoozed)
      .map(([order, until]) => ({ orderId: Number(order), until }))
      .sort((a, b) => a.until.localeCompare(b.until) || a.orderId - b.orderId),
    ...(checkedAt ? { checkedAt } : {}),
  };
}

export const fieldErrors = (errors: readonly AlertSettingsError[]) =>
  errors.map((e) => ({ field: e.field, message: alertWords(e.message) }));

async function currentView(settings?: AlertSettings): Promise<AlertSettingsView> {
  const [read, ledger] = await Promise.all([settings ?? readAlertSettings(), readAlertLedger()]);
  return alertSettingsView(read, ledger.checkedAt);
}

async function guarded<T>(work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() };
  } catch (error) {
    return { ok: false as const, error: toUserError(error) };
  }
}

export function registerAlertHandlers(service: AlertService): void {
  handleMessage('runAlertCheck', () =>
    service.check().catch((error: unknown) => ({ ok: false as const, error: toUserError(error) })),
  );
  handleMessage('getNeedsYou', () => guarded(() => service.readNeedsYou()));
  handleMessage('getAlertSettings', () => guarded(() => currentView()));
  handleMessage('saveAlertSettings', (data) =>
    guarded(async () => {
      const saved = await saveAlertSettings(data);
      if (!saved.ok) return { saved: false as const, errors: fieldErrors(saved.errors) };
      await service.refreshBadge();
      return { saved: true as const, settings: await currentView(saved.value) };
    }),
  );
  handleMessage('snoozeOrder', async ({ orderId, days }) => {
    const now = new Date();
    const changed = await changeAlertSettings((current) =>
      snoozeOrder(current, orderId, new Date(now.getTime() + days * DAY_MS), now),
    );
    if (!changed.ok) {
      return {
        ok: false,
        error: {
          title: t('alerts_snooze_refused'),
          detail: fieldErrors(changed.errors)
            .map((e) => e.message)
            .join(' '),
        },
      };
    }
    return guarded(async () => {
      await service.refreshBadge();
      return { settings: await currentView(changed.value), needsYou: await service.readNeedsYou() };
    });
  });
  handleMessage('unsnoozeOrder', ({ orderId }) =>
    guarded(async () => {
      const changed = await changeAlertSettings((current) => ({
        ok: true,
        value: unsnoozeOrder(current, orderId),
      }));
      await service.refreshBadge();
      return {
        settings: await currentView(changed.ok ? changed.value : undefined),
        needsYou: await service.readNeedsYou(),
      };
    }),
  );
}
