/**
 * Drives the background through the message protocol from an extension page, exactly as the popup
 * and options page do (the same message shape @webext-core/messaging sends).
 */
import type { Page } from 'playwright-core';
import type { MessageData, MessageReply, MessageType, SubmissionView } from '../../lib/messaging';
import { bounded } from './bounded';

const ANSWER_WITHIN_MS = 15_000;

export async function callBackground<K extends MessageType>(
  page: Page,
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  // A message the background never answers is a failure to report, not a hang until the test times out.
  const answer = (await bounded(
    page.evaluate(
      ({ type, data }) => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        };
        return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
      },
      { type, data: data as unknown },
    ),
    ANSWER_WITHIN_MS,
    `the background did not answer "${type}" within ${ANSWER_WITHIN_MS} ms`,
  )) as { res?: MessageReply<K>; err?: { message: string } };
  if (answer.err) throw new Error(`background refused ${type}: ${answer.err.message}`);
  return answer.res as MessageReply<K>;
}

export async function submissions(page: Page, refresh = false): Promise<SubmissionView[]> {
  const reply = await callBackground(page, 'listSubmissions', { refresh });
  if (!reply.ok) throw new Error(`listSubmissions failed: ${reply.error.title}`);
  return reply.value.submissions;
}

/** Polls the outbox until the submission satisfies `done` (the engine works in the background). */
export async function waitForSubmission(
  page: Page,
  id: string,
  done: (s: SubmissionView) => boolean,
  options: { timeoutMs?: number; refresh?: boolean } = {},
): Promise<SubmissionView> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: SubmissionView | undefined;
  while (Date.now() < deadline) {
    last = (await submissions(page, options.refresh)).find((s) => s.id === id);
    if (last && done(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`submission ${id} did not get there in time; last seen: ${JSON.stringify(last)}`);
}
