import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { config as zodConfig } from 'zod/mini';
import { registerAccountHandlers } from '@/lib/account/handlers';
import { registerAlertHandlers } from '@/lib/alerts/handlers';
import { ALERT_NOTICE_PREFIX } from '@/lib/alerts/notice';
import { ALERT_CHECK_ALARM, createAlertService, ensureAlertAlarm } from '@/lib/alerts/service';
import { openAlertTarget, showAlertNotice } from '@/lib/alerts/show';
import { createWorkerEvents } from '@/lib/background/events';
import { SERVICES_GLOBAL, type Services } from '@/lib/background/front';
import { sharedSentLog } from '@/lib/certcentral/rate-limit';
import { answerMessage, handleMessage, watchAnswers } from '@/lib/messaging/receive';
import { openNoticeTarget } from '@/lib/notify/notifications';
import { registerOutboxHandlers } from '@/lib/outbox/handlers';
import { createOutboxService, OUTBOX_ALARM, OUTBOX_SWEEP_ALARM } from '@/lib/outbox/service';
import { withPolicy } from '@/lib/policy/guard';
import { onPolicyChange } from '@/lib/policy/managed';
import { readPolicy } from '@/lib/policy/read';
import { keepBrowserPolicy } from '@/lib/policy/seen';
import { registerRenewalHandlers } from '@/lib/renewal/handlers';
import { forgetClosedTabs, receivePageReport, rememberPageOrders } from '@/lib/renewal/page-orders';
import { getApiKeyState } from '@/lib/settings/api-key';
import { syncConsoleScripts } from '@/lib/settings/console-access';
import { registerSettingsHandlers } from '@/lib/settings/handlers';
import { defaultSettingsDeps } from '@/lib/settings/service';
import { forgetSettingsView } from '@/lib/settings/view-cache';
import { createStartUp } from '@/lib/start-up';
import { moveOrderInputsOutOfLocal } from '@/lib/storage/order-inputs';
import { registerTeamHandlers } from '@/lib/team/handlers';
import { followOrderValidation, installValidationFollower } from '@/lib/validation/follow';
import { registerValidationHandlers } from '@/lib/validation/handlers';

// The background's services, loaded by its front (lib/background/front.ts), which registers the
// browser's listeners and hands each event here. Wiring only: every handler is registered as the
// script runs; the start-up work waits until the messages being answered are (lib/start-up.ts).
export default defineUnlistedScript(() => {
  // Run once per worker: a second run would start a second outbox and rate limiter beside the first.
  if ((globalThis as Record<string, unknown>)[SERVICES_GLOBAL] !== undefined) return;
  // MV3 forbids eval in extension code (the default extension_pages CSP has no 'unsafe-eval'), so
  // zod's compiled object parsers can never run here; without `jitless` zod still tries `new
  // Function` once, when the first object schema is built, and the browser reports the refused eval
  // (a CSP violation). Set before any schema is built (all are lazy).
  zodConfig({ jitless: true });
  const events = createWorkerEvents();
  const startUp = createStartUp();
  watchAnswers(startUp.answering);
  startUp.run(() => void moveOrderInputsOutOfLocal());
  // Every order the outbox is given is checked against the organization's policy first (lib/policy).
  const outbox = withPolicy(createOutboxService(), { readPolicy, now: () => new Date() });
  const forgetAccountChoices = registerAccountHandlers(defaultSettingsDeps);
  // A policy changed while running may set another region: what was read for the old one is
  // dropped, and the settings view the front keeps.
  onPolicyChange(() => {
    forgetAccountChoices();
    void forgetSettingsView();
    void keepBrowserPolicy();
  });
  // The pages' lists show the policy last seen while the browser is not ready to answer for it,
  // right after it starts (lib/policy/seen.ts): kept at each start and at each change.
  startUp.run(() => void keepBrowserPolicy());
  registerSettingsHandlers(defaultSettingsDeps, forgetAccountChoices);
  registerOutboxHandlers(outbox);
  registerRenewalHandlers(outbox, defaultSettingsDeps, events);
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
  events.on('alarm', (alarm) => {
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
  events.on('alarm', (alarm) => {
    if (alarm.name === ALERT_CHECK_ALARM) void alerts.checkIfDue().catch(() => undefined);
  });
  startUp.run(() => {
    void ensureAlertAlarm();
    void alerts.refreshBadge();
  });

  // An unlocked key past its idle time is dropped from storage.session only when something reads
  // it; this reads it about once a minute so it does not linger in memory unused.
  events.on('alarm', (alarm) => {
    if (alarm.name === KEY_IDLE_ALARM) void getApiKeyState().catch(() => undefined);
  });
  startUp.run(() => {
    void browser.alarms.get(KEY_IDLE_ALARM).then((idle) => {
      if (!idle) void browser.alarms.create(KEY_IDLE_ALARM, { periodInMinutes: 1 });
    });
  });

  events.on('notificationClicked', (id) =>
    id.startsWith(ALERT_NOTICE_PREFIX) ? void openAlertTarget(id) : void openNoticeTarget(id),
  );
  // Closed tabs and permission changes need not wake a stopped worker, so the services listen for
  // them while they run and every start makes up for what happened while stopped (a start comes at
  // least once a minute: the key's idle alarm). Left out of the front, its first turn is shorter
  // (lib/background/events.ts).
  browser.tabs.onRemoved.addListener((tabId) => void rememberPageOrders(tabId, null));
  startUp.run(() => void forgetClosedTabs().catch(() => undefined));
  // The Europe console's content script follows its optional host permission.
  const syncScripts = () => void syncConsoleScripts().catch(() => undefined);
  startUp.run(syncScripts);
  browser.permissions.onAdded.addListener(syncScripts);
  browser.permissions.onRemoved.addListener(syncScripts);

  const services: Services = { answer: answerMessage, emit: events.emit };
  (globalThis as Record<string, unknown>)[SERVICES_GLOBAL] = services;
});

const KEY_IDLE_ALARM = 'api-key-idle-lock';
