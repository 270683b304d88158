/**
 * The one message protocol between the extension's contexts.
 *
 * Every message names its payload schema, its reply schema and who may send it
 * (messaging-protocol.ts). The background parses each payload where it arrives and checks the
 * sender before acting; extension pages parse each reply. This module holds no schema: the pages
 * import it on their first screen, and the schemas (and zod) load with the first reply. The content
 * script imports only the *types* from here.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import type { protocol } from './protocol';
import { isSettingsReplyMessage, parseSettingsReply } from './settings-reply';

export type * from './views';
export type { protocol };

/** The lock's passphrase: long enough to resist offline guessing (passphraseSchema, messaging-views.ts). */
export const PASSPHRASE_MIN = 12;

/** Who may send a message: the extension's own pages, or its content script on a CertCentral page. */
export type SenderPolicy = 'extension-page' | 'content-script';

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type MessageData<K extends MessageType> = z.infer<Protocol[K]['data']>;
export type MessageReply<K extends MessageType> = z.infer<Protocol[K]['reply']>;
export type ProtocolMap = { [K in MessageType]: (data: MessageData<K>) => MessageReply<K> };

export const messenger = defineExtensionMessaging<ProtocolMap>();

/**
 * Sends a message to the background and parses the reply before anyone uses it. The reply's schema
 * loads while the message travels (the first time: protocol.ts, with zod); a reply carrying the
 * settings view, part of the pages' first screen, is checked without zod (settings-reply.ts).
 */
export async function sendToBackground<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  if (isSettingsReplyMessage(type)) {
    const raw = await (messenger.sendMessage as (t: K, d: MessageData<K>) => Promise<unknown>)(type, data);
    return parseSettingsReply(type, raw) as MessageReply<K>;
  }
  const schemas = import('./protocol');
  schemas.catch(() => undefined);
  const raw = await (messenger.sendMessage as (t: K, d: MessageData<K>) => Promise<unknown>)(type, data);
  const { protocol } = await schemas;
  return protocol[type].reply.parse(raw) as MessageReply<K>;
}

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

let watchAnswer: (answer: Promise<unknown>) => void = () => undefined;

/** Tells the background of each answer as it is started (its start-up work waits: lib/start-up.ts). */
export function watchAnswers(watch: (answer: Promise<unknown>) => void): void {
  watchAnswer = watch;
}

/**
 * Registers the background's handler for one message: the sender is checked and the payload
 * parsed before the handler runs; anything else is refused without acting.
 */
export function handleMessage<K extends MessageType>(
  type: K,
  handler: (data: MessageData<K>, sender: Sender) => Promise<MessageReply<K>>,
): void {
  const onMessage = messenger.onMessage as (
    t: K,
    cb: (message: { data: unknown; sender: Sender }) => Promise<MessageReply<K>>,
  ) => void;
  const answer = async (data: unknown, sender: Sender) => {
    // Loaded on the first message, not at the worker's start (a module bundled in, evaluated late).
    const entry = (await import('./protocol')).protocol[type];
    const origin = browser.runtime.getURL('/');
    if (!isAllowedSender(entry.from, sender, browser.runtime.id, origin)) {
      throw new Error(
        `Refused "${type}": it may only come from ${entry.from === 'extension-page' ? "the extension's own pages" : 'a CertCentral page'}.`,
      );
    }
    const parsed = entry.data.safeParse(data);
    if (!parsed.success) throw new Error(`Refused "${type}": its payload does not match the protocol.`);
    return handler(parsed.data as MessageData<K>, sender);
  };
  onMessage(type, ({ data, sender }) => {
    const answered = answer(data, sender);
    watchAnswer(answered);
    return answered;
  });
}
