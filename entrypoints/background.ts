import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
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
  removeKey,
  saveKey,
  testConnection,
} from '@/lib/settings/service';

export default defineBackground(() => {
  const deps = defaultSettingsDeps;
  const outbox = createOutboxService();

  handleMessage('getSettings', async () => ({ ok: true, value: await getSettingsView() }));
  handleMessage('saveApiKey', (data) => saveKey(data, deps));
  handleMessage('removeApiKey', () => removeKey());
  handleMessage('setRegion', (data) => changeRegion(data.region));
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
