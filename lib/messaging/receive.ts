/**
 * The background's side of the protocol: each handler is registered by message type, and a message
 * is answered only after its sender is checked and its payload parsed (index.ts `isAllowedSender`,
 * protocol.ts). The answer has the shape the pages' messenger (@webext-core/messaging) reads:
 * `{ res }`, or `{ err }` with the error's name, message and stack, which it throws as an Error.
 *
 * Each script of the background keeps its own handlers here (the front answers what it can on its
 * own, the services the rest: lib/background/front.ts); `answerMessage` is what the browser's
 * runtime.onMessage listener calls.
 */
import { browser } from 'wxt/browser';
import type { MessageData, MessageReply, MessageType } from './index';
import { isAllowedSender, type Sender, type SenderPolicy } from './senders';

/** What goes back to the page: its messenger throws `err` as an Error, or returns `res`. */
export type Answer = { res: unknown } | { err: { name: string; message: string; stack: string } };

type Handler = (data: unknown, sender: Sender) => Promise<unknown>;
const handlers = new Map<string, Handler>();

let watchAnswer: (answer: Promise<unknown>) => void = () => undefined;

/** Tells the background of each answer as it is started (its start-up work waits: lib/start-up.ts). */
export function watchAnswers(watch: (answer: Promise<unknown>) => void): void {
  watchAnswer = watch;
}

/** The protocol's rules for one message: who may send it and what its payload must be. */
export type MessageRules = {
  from: SenderPolicy;
  data: { safeParse(data: unknown): { success: true; data: unknown } | { success: false } };
};

/**
 * Registers the background's handler for one message: the sender is checked and the payload
 * parsed before the handler runs; anything else is refused without acting. The rules are the
 * protocol's (protocol.ts, loaded with the first message, not at the worker's start).
 */
export function handleMessage<K extends MessageType>(
  type: K,
  handler: (data: MessageData<K>, sender: Sender) => Promise<MessageReply<K>>,
): void {
  handleMessageWith(type, async () => (await import('./protocol')).protocol[type], handler);
}

/**
 * handleMessage with the rules given: for the background's front, which answers one message
 * without loading the whole protocol (first-question.ts keeps its rules equal to the protocol's).
 */
export function handleMessageWith<K extends MessageType>(
  type: K,
  rules: () => MessageRules | Promise<MessageRules>,
  handler: (data: MessageData<K>, sender: Sender) => Promise<MessageReply<K>>,
): void {
  handlers.set(type, async (data, sender) => {
    const entry = await rules();
    const origin = browser.runtime.getURL('/');
    if (!isAllowedSender(entry.from, sender, browser.runtime.id, origin)) {
      throw new Error(
        `Refused "${type}": it may only come from ${entry.from === 'extension-page' ? "the extension's own pages" : 'a CertCentral page'}.`,
      );
    }
    const parsed = entry.data.safeParse(data);
    if (!parsed.success) throw new Error(`Refused "${type}": its payload does not match the protocol.`);
    return handler(parsed.data as MessageData<K>, sender);
  });
}

/**
 * The answer to one message, or undefined when it is not a protocol message (`{ type, timestamp }`)
 * or this script has no handler for its type. Never rejects: a refusal or a failed handler is an `err`.
 */
export function answerMessage(message: unknown, sender: Sender): Promise<Answer> | undefined {
  if (message === null || typeof message !== 'object') return undefined;
  const { type, timestamp, data } = message as { type?: unknown; timestamp?: unknown; data?: unknown };
  if (typeof type !== 'string' || typeof timestamp !== 'number') return undefined;
  const handler = handlers.get(type);
  if (!handler) return undefined;
  const answered = handler(data, sender);
  watchAnswer(answered);
  return answered.then(
    (res): Answer => ({ res }),
    (error: unknown): Answer => ({ err: asErrorShape(error) }),
  );
}

function asErrorShape(error: unknown): { name: string; message: string; stack: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? '' };
  return { name: 'Error', message: String(error), stack: '' };
}
