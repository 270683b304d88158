/**
 * Runs on CertCentral console pages only. Reads which order ids the page shows and reports them
 * to the background, which confirms any id through the API before using it. Plain and tiny: no
 * framework, no zod, no API or settings code; it never writes to the page.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ProtocolMap } from '@/lib/messaging';
import { readOrderIdFromUrl, readOrderIdsFromDocument } from '@/lib/renewal/read-page';

export default defineContentScript({
  matches: ['https://www.digicert.com/secure/*', 'https://certcentral.digicert.eu/secure/*'],
  runAt: 'document_idle',
  main() {
    const messenger = defineExtensionMessaging<ProtocolMap>();
    const url = location.href;
    const fromUrl = readOrderIdFromUrl(url);
    const ids = new Set(readOrderIdsFromDocument(document, url));
    if (fromUrl !== null) ids.add(fromUrl);
    void messenger.sendMessage('reportPageOrders', { url, orderIds: [...ids] }).catch(() => {
      // The background may be restarting; the next page load reports again.
    });
  },
});
