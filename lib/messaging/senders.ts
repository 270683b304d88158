/**
 * Who may send the background a message, checked against what the browser says of the sender
 * (never what the message claims). Apart from index.ts so that the background's front checks
 * senders without loading the pages' messenger.
 */

/** Who may send a message: the extension's own pages, or its content script on a CertCentral page. */
export type SenderPolicy = 'extension-page' | 'content-script';

/** What the browser says about a message's sender (runtime.MessageSender, the fields used here). */
export type Sender = { id?: string; url?: string; frameId?: number; tab?: { id?: number; url?: string } };

/** CertCentral console pages, the only pages the content script runs on (see the manifest matches). */
const CONSOLE_ORIGINS = ['https://www.digicert.com', 'https://certcentral.digicert.eu'];

function parseUrl(href: string | undefined): URL | null {
  if (typeof href !== 'string') return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** True for a CertCentral console page: https, a console host, under /secure/. */
export function isConsoleUrl(href: string | undefined): boolean {
  const url = parseUrl(href);
  return url !== null && CONSOLE_ORIGINS.includes(url.origin) && url.pathname.startsWith('/secure/');
}

/**
 * Who may send what. Every message must come from this extension (`sender.id`), so another
 * extension or a web page never gets past here even if the manifest ever let them connect.
 * "extension-page": a page at the extension's own origin (popup, options); a content script is
 * refused, as its sender URL is the web page it runs in. "content-script": the top frame of a tab
 * showing a console page, as the browser reports it: the URL and tab never come from the message.
 */
export function isAllowedSender(
  policy: SenderPolicy,
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const url = parseUrl(sender.url);
  if (url === null) return false;
  if (policy === 'extension-page') {
    // Scheme and host, not `origin`: URL gives "null" as the origin of a chrome-extension: URL in
    // some engines, which would make every extension's pages look alike.
    const own = parseUrl(extensionOrigin);
    return own !== null && url.protocol === own.protocol && url.host === own.host && url.host !== '';
  }
  return typeof sender.tab?.id === 'number' && sender.frameId === 0 && isConsoleUrl(sender.url);
}
