import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { config as zodConfig } from 'zod/mini';
import { registerAccountHandlers } from '@/lib/account/handlers';
import { registerAlertHandlers } from '@/lib/alerts/handlers';
import { ALERT_NOTICE_PREFIX } from '@/lib/alerts/notice';
import { ALERT_CHECK_ALARM, createAlertService, ensureAlertAlarm } from '@/lib/alerts/service';
import { openAlertTarget, showAlertNotice } from '@/lib/alerts/show';
import { sharedSentLog } from '@/lib/certcentral/rate-limit';
import { handleMessage, watchAnswers } from '@/lib/messaging';
import { openNoticeTarget } from '@/lib/notify/notifications';
import { registerOutboxHandlers } from '@/lib/outbox/handlers';
import { createOutboxService, OUTBOX_ALARM, OUTBOX_SWEEP_ALARM } from '@/lib/outbox/service';
import { withPolicy } from '@/lib/policy/guard';
import { onPolicyChange } from '@/lib/policy/managed';
import { readPolicy } from '@/lib/policy/read';
import { registerRenewalHandlers } from '@/lib/renewal/handlers';
import { receivePageReport, rememberPageOrders } from '@/lib/renewal/page-orders';
import { getApiKeyState } from '@/lib/settings/api-key';
import { syncConsoleScripts } from '@/lib/settings/console-access';
import { registerSettingsHandlers } from '@/lib/settings/handlers';
import { defaultSettingsDeps } from '@/lib/settings/service';
import { createStartUp } from '@/lib/start-up';
import { restrictStorageToExtension } from '@/lib/storage/access';
import { moveOrderInputsOutOfLocal } from '@/lib/storage/order-inputs';
import { registerTeamHandlers } from '@/lib/team/handlers';
import { followOrderValidation, installValidationFollower } from '@/lib/validation/follow';
import { registerValidationHandlers } from '@/lib/validation/handlers';

// Wiring only: every handler is registered synchronously at start, so a message or alarm that
// wakes the worker finds its listener. The rest of the start-up work waits until the message that
// woke the worker is answered (lib/start-up.ts); closing storage to content scripts does not.
export default defineBackground(() => {
  // MV3 forbids eval in extension code (the default extension_pages CSP has no 'unsafe-eval'), so
  // zod's compiled object parsers can never run here; without `jitless` zod still tries `new
  // Function` once, when the first object schema is built, and the browser reports the refused eval
  // (a CSP violation) while the first message waits. Set before any schema is built (all are lazy).
  zodConfig({ jitless: true });
  restrictStorageToExtension();
  const startUp = createStartUp();
  watchAnswers(startUp.answering);
  startUp.run(() => void moveOrderInputsOutOfLocal());
  // Every order the outbox is given is checked against the organization's policy first (lib/policy).
  const outbox = withPolicy(createOutboxService(), { readPolicy, now: () => new Date() });
  const forgetAccountChoices = registerAccountHandlers(defaultSettingsDeps);
  // A policy changed while running may set another region: what was read for the old one is dropped.
  onPolicyChange(forgetAccountChoices);
  registerSettingsHandlers(defaultSettingsDeps, forgetAccountChoices);
  registerOutboxHandlers(outbox);
  registerRenewalHandlers(outbox, defaultSettingsDeps);
  registerTeamHandlers(outbox, defaultSettingsDeps);
  handleMessage('reportPageOrders', receivePageReport);
  const alerts = createAlertService(outbox);
  registerAlertHandlers(alerts);
  // Validation follow-through: the outbox's follow-up reads a placed order's validation state, and
  // the history panel's actions; an action that changes what an order waits on follows up at once.
  installValidationFollower((transport, placement) =>
    followOrderValidation(
      {
        transport,
        now: () => new Date(),
        show: showAlertNotice,
        stored: alerts.validationStored,
        sentLog: sharedSentLog,
      },
      placement,
    ),
  );
  registerValidationHandlers({
    ...defaultSettingsDeps,
    onStatusChanged: () => void outbox.checkNow(),
    onStored: alerts.validationStored,
  });

  // Timers die with the worker; alarms wake it. Every start picks up what a stopped worker left.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM || alarm.name === OUTBOX_SWEEP_ALARM) void outbox.runDue();
  });
  startUp.run(() => {
    void browser.alarms.get(OUTBOX_SWEEP_ALARM).then((sweep) => {
      // Created once: re-creating it at every worker start would keep pushing it back.
      if (!sweep) void browser.alarms.create(OUTBOX_SWEEP_ALARM, { periodInMinutes: 1 });
    });
    void outbox.resume();
  });

  // The daily expiry check takes its turn with this alarm, and runs when a day has passed since the
  // last complete check (lib/alerts/daily-check.ts).
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERT_CHECK_ALARM) void alerts.checkIfDue().catch(() => undefined);
  });
  startUp.run(() => {
    void ensureAlertAlarm();
    void alerts.refreshBadge();
  });

  // An unlocked key past its idle time is dropped from storage.session only when something reads
  // it; this reads it about once a minute so it does not linger in memory unused.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEY_IDLE_ALARM) void getApiKeyState().catch(() => undefined);
  });
  startUp.run(() => {
    void browser.alarms.get(KEY_IDLE_ALARM).then((idle) => {
      if (!idle) void browser.alarms.create(KEY_IDLE_ALARM, { periodInMinutes: 1 });
    });
  });

  browser.notifications.onClicked.addListener((id) =>
    id.startsWith(ALERT_NOTICE_PREFIX) ? void openAlertTarget(id) : void openNoticeTarget(id),
  );
  // A newcomer's first step is the key: open the settings when the extension is installed.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.tabs.onRemoved.addListener((tabId) => void rememberPageOrders(tabId, null));
  // The Europe console's content script follows its optional host permission.
  startUp.run(() => void syncConsoleScripts().catch(() => undefined));
  browser.permissions.onAdded.addListener(() => void syncConsoleScripts().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void syncConsoleScripts().catch(() => undefined));
});

const KEY_IDLE_ALARM = 'api-key-idle-lock';
