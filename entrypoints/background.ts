import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { askServices, isProtocolMessage, servicesLoader } from '@/lib/background/front';
import type { Sender } from '@/lib/messaging';
import { getSettingsRules } from '@/lib/messaging/first-question';
import { answerMessage, handleMessageWith, watchAnswers } from '@/lib/messaging/receive';
import { readKeptSettingsView } from '@/lib/settings/view-cache';
import { createStartUp } from '@/lib/start-up';
import { restrictStorageToExtension } from '@/lib/storage/access';

// The background's front (lib/background/front.ts): every listener for an event that must wake a
// stopped worker is registered here, in its first turn, so that the message, alarm or click that
// wakes it finds one (lib/background/events.ts says which events the services hear instead). The
// pages' first question is answered here; everything else is handed to the services, loaded when
// first needed.
export default defineBackground(() => {
  const services = servicesLoader(globalThis as unknown as Record<string, unknown>);
  // A worker keeps the scripts it imports while installing; later starts import that copy.
  globalThis.addEventListener?.('install', () => void services());
  // Every start closes storage to content scripts again and runs the services' own start-up work
  // (resuming the outbox, the alarms), a moment after the messages that woke the worker are
  // answered (lib/start-up.ts). Closing storage waits too: the browser keeps an area's access level
  // while the worker is stopped, so asking again is for a browser that has forgotten it, and nothing
  // that decides an order is kept where a content script could read it (lib/storage/access.ts).
  const startUp = createStartUp();
  watchAnswers(startUp.answering);
  startUp.run(() => {
    restrictStorageToExtension();
    services();
  });

  // What the settings page and the popup ask first: the view the services last computed, while it
  // holds (lib/settings/view-cache.ts); otherwise theirs.
  handleMessageWith(
    'getSettings',
    () => getSettingsRules,
    async (data, sender) => {
      const view = await readKeptSettingsView();
      if (view) return { ok: true, value: view };
      return (await askServices(services, 'getSettings', data, sender)) as never;
    },
  );
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Sender, respond: (answer: unknown) => void) => {
      if (!isProtocolMessage(message)) return false;
      const answer = answerMessage(message, sender) ?? services().answer(message, sender);
      if (answer === undefined) return false;
      void answer.then(respond);
      return true;
    },
  );

  browser.alarms.onAlarm.addListener((alarm) => services().emit('alarm', alarm));
  browser.notifications.onClicked.addListener((id) => services().emit('notificationClicked', id));
  // A newcomer's first step is the key: open the settings when the extension is installed.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
