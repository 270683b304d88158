/**
 * A tiny typed sender for the content script: the same wire message @webext-core/messaging sends
 * (`{ id, type, data, timestamp }`, answered `{ res }` or `{ err }`), without that library's
 * listener and error (de)serialisation code, which the content script never needs. Typed by the
 * one protocol in lib/messaging/ through `import type` only: no zod reaches the bundle.
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './index';

type Type = keyof ProtocolMap;
type Reply = { res?: unknown; err?: { message?: unknown } } | undefined;

let nextId = Math.floor(Math.random() * 10_000);

export async function sendMessage<K extends Type>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<ReturnType<ProtocolMap[K]>> {
  const message = { id: nextId++, type, data, timestamp: Date.now() };
  const reply = (await browser.runtime.sendMessage(message)) as Reply;
  // No reply at all means no listener answered; either way the caller only learns "it failed".
  if (!reply || reply.err != null) throw new Error(String(reply?.err?.message ?? 'No response'));
  return reply.res as ReturnType<ProtocolMap[K]>;
}
