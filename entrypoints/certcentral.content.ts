/**
 * Runs on CertCentral console pages only. Reads which order ids the page shows, follows in-page
 * navigation and rows that load later, and reports to the background whenever the ids change; the
 * background keeps them per tab and confirms any id through the API before using it. Plain and
 * tiny (at most 5 KB gzip): no framework, no zod, no API or settings code; it never writes to the page.
 *
 * It tells the page nothing and takes no orders from it. WXT's `ctx` is not used: it announces
 * each start with a window message the page can read (and learn the extension's id from), and it
 * stops when it sees a "newer script started" event, which the page can forge. The option below
 * turns the window message off; the script's own lifetime is its own AbortController, ended only
 * when the extension itself goes away (reloaded, updated or removed: runtime.id is then gone).
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPageOrderIds } from '@/lib/console-page/read-page';
import { createPageWatcher, observePage } from '@/lib/console-page/watch-page';
import { sendMessage } from '@/lib/messaging/send';

export default defineContentScript({
  // The US console only: the Europe console's copy is registered at run time while its optional host
  // permission is granted (lib/settings/console-access.ts), so installing grants no access to it.
  matches: ['https://www.digicert.com/secure/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    const life = new AbortController();
    const alive = () => {
      if (browser.runtime?.id == null) life.abort();
      return !life.signal.aborted;
    };
    const watcher = createPageWatcher({
      read: () => readPageOrderIds(document, location.href),
      report: (report) =>
        void sendMessage('reportPageOrders', report).catch(() => {
          // The background may be restarting or the extension reloaded; the next change reports again.
          alive();
        }),
      setTimer: (run, ms) => setTimeout(() => alive() && run(), ms),
    });
    watcher.scan();
    observePage(window, watcher.poke, life.signal);
  },
});
