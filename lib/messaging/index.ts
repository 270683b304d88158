/**
 * The one message protocol between the extension's contexts.
 *
 * Every message names its payload schema, its reply schema and who may send it (protocol.ts). The
 * background parses each payload where it arrives and checks the sender before acting (receive.ts);
 * extension pages parse each reply. This module holds no schema: the pages import it on their first
 * screen, and the schemas (and zod) load with the first reply. The content script imports only the
 * *types* from here.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod/mini';
import type { protocol } from './protocol';
import { isSettingsReplyMessage, parseSettingsReply, type SettingsReplyMessage } from './settings-reply';

export type * from './views';
export type { protocol };

/** The lock's passphrase: long enough to resist offline guessing (passphraseSchema, messaging-views.ts). */
export const PASSPHRASE_MIN = 12;

export { isAllowedSender, isConsoleUrl, type Sender, type SenderPolicy } from './senders';

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
  if (isSettingsReplyMessage(type))
    return sendSettingsMessage(type, data as MessageData<typeof type>) as Promise<MessageReply<K>>;
  const schemas = import('./protocol');
  schemas.catch(() => undefined);
  const raw = await (messenger.sendMessage as (t: K, d: MessageData<K>) => Promise<unknown>)(type, data);
  const { protocol } = await schemas;
  return protocol[type].reply.parse(raw) as MessageReply<K>;
}

/**
 * A message whose reply carries the settings view, its reply checked without zod: all a script that
 * asks only for the settings needs, so that it leaves the protocol's schemas out of its bundle.
 */
export async function sendSettingsMessage<K extends SettingsReplyMessage>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  const raw = await (messenger.sendMessage as (t: K, d: MessageData<K>) => Promise<unknown>)(type, data);
  return parseSettingsReply(type, raw) as MessageReply<K>;
}
