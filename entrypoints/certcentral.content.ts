/**
 * Runs on CertCentral console pages only. Reads which order ids the page shows, follows in-page
 * navigation and rows that load later, and reports to the background whenever the ids change; the
 * background keeps them per tab and confirms any id through the API before using it. Plain and
 * tiny (at most 5 KB gzip): no framework, no zod, no API or settings code; it never writes to the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '@/lib/messaging-send';
import { readPageOrderIds } from '@/lib/renewal/read-page';
import { createPageWatcher, observePage } from '@/lib/renewal/watch-page';

export default defineContentScript({
  matches: ['https://www.digicert.com/secure/*', 'https://certcentral.digicert.eu/secure/*'],
  runAt: 'document_idle',
  main(ctx) {
    const watcher = createPageWatcher({
      read: () => ({ url: location.href, orderIds: readPageOrderIds(document, location.href) }),
      report: (report) =>
        void sendMessage('reportPageOrders', report).catch(() => {
          // The background may be restarting or the extension reloaded; the next change reports again.
        }),
      // Skipped once the extension is reloaded or updated (the context is then invalid).
      setTimer: (run, ms) => ctx.setTimeout(run, ms),
    });
    watcher.scan();
    observePage(window, watcher.poke, ctx.signal);
    ctx.addEventListener(window, 'wxt:locationchange', watcher.poke);
  },
});
