import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createChoicesCache, fetchAccountChoices, fetchProductDetails } from '@/lib/account/choices';
import {
  createOutboxService,
  historyFilename,
  listSubmissions,
  OUTBOX_ALARM,
  OUTBOX_SWEEP_ALARM,
} from '@/lib/history/service';
import { toSubmissionView } from '@/lib/history/view';
import { handleMessage } from '@/lib/messaging';
import { openNoticeTarget } from '@/lib/notify/notifications';
import { rememberPageOrders } from '@/lib/renewal/page-orders';
import {
  changeRegion,
  defaultSettingsDeps,
  getSettingsView,
  openTransport,
  removeKey,
  saveKey,
  testConnection,
  toUserError,
} from '@/lib/settings/service';

export default defineBackground(() => {
  const deps = defaultSettingsDeps;
  const outbox = createOutboxService();

  // Account choices belong to one key and region: any change of either empties the cache.
  const choices = createChoicesCache(Date.now);
  const forgetting = <T>(result: Promise<T>) => result.finally(choices.clear);

  handleMessage('getSettings', async () => ({ ok: true, value: await getSettingsView() }));
  handleMessage('saveApiKey', (data) => forgetting(saveKey(data, deps)));
  handleMessage('removeApiKey', () => forgetting(removeKey()));
  handleMessage('setRegion', (data) => forgetting(changeRegion(data.region)));
  handleMessage('testConnection', () => testConnection(deps));

  handleMessage('submitOrder', async (data) => {
    const result = await outbox.submit(data);
    if (!result.ok)
      return { ok: true, value: { accepted: false, problems: result.problems, warnings: result.warnings } };
    return {
      ok: true,
      value: { accepted: true, submission: toSubmissionView(result.entry), warnings: result.warnings },
    };
  });
  handleMessage('listSubmissions', async (data) => ({
    ok: true,
    value: await listSubmissions(outbox, data.refresh ?? false),
  }));
  handleMessage('checkSubmissionAgain', async ({ id }) => {
    const result = await outbox.checkAgain(id);
    return result.ok ? { ok: true, value: toSubmissionView(result.value) } : result;
  });
  handleMessage('cancelSubmittedOrder', async ({ id }) => {
    const result = await outbox.cancel(id);
    return result.ok ? { ok: true, value: toSubmissionView(result.value) } : result;
  });
  handleMessage('acknowledgeSubmission', async ({ id }) => {
    const result = await outbox.acknowledge(id);
    return result.ok ? { ok: true, value: toSubmissionView(result.value) } : result;
  });
  handleMessage('exportHistory', async () => ({
    ok: true,
    value: { filename: historyFilename(new Date()), json: await outbox.exportHistory() },
  }));
  handleMessage('downloadCertificate', ({ id, format }) => outbox.download(id, format));

  handleMessage('getAccountChoices', async ({ refresh }) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    const value = await choices.get('account', refresh ?? false, () =>
      fetchAccountChoices(t.value, new Date(), toUserError),
    );
    return { ok: true, value };
  });
  handleMessage('getProductDetails', async ({ nameId, refresh }) => {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    try {
      const value = await choices.get(`product:${nameId}`, refresh ?? false, () =>
        fetchProductDetails(t.value, nameId),
      );
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    }
  });

  handleMessage('reportPageOrders', async (data, sender) => {
    if (sender.tab?.id !== undefined) await rememberPageOrders(sender.tab.id, data);
  });

  // Timers die with the worker; alarms wake it. Every start picks up what a stopped worker left.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM || alarm.name === OUTBOX_SWEEP_ALARM) void outbox.runDue();
  });
  void browser.alarms.get(OUTBOX_SWEEP_ALARM).then((sweep) => {
    // Created once: re-creating it at every worker start would keep pushing it back.
    if (!sweep) void browser.alarms.create(OUTBOX_SWEEP_ALARM, { periodInMinutes: 1 });
  });
  void outbox.resume();

  browser.notifications.onClicked.addListener((id) => void openNoticeTarget(id));

  // A newcomer's first step is the key: open the settings when the extension is installed.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.tabs.onRemoved.addListener((tabId) => void rememberPageOrders(tabId, null));
});
