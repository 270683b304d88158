/**
 * The settings page's first screen waits for two answers: the light read of the template list's
 * rows (lib/templates/summaries.ts) and the background's settings view. Asked from the page's
 * module script, they started only once its whole module graph (four files) had been fetched and
 * run, some 15–20 ms after the page began loading; the list and the connection then waited for
 * them. So a small classic script of its own (entrypoints/settings-first-reads.ts, listed first in
 * the page) asks both as soon as it arrives, and the page's module takes the answers it left (the
 * hand-over: lib/first-screen.ts).
 */
import { askEarly, takeEarly } from '../first-screen';
import { readInTime } from '../in-time';
import { type MessageReply, sendSettingsMessage } from '../messaging';
import { readTemplateRowSummaries, type TemplateRowSummary } from '../templates/summaries';

/** The first screen's two reads, each a round trip. */
export type FirstReads = {
  /** The light read of the template list's rows: null when only the full reader can list them. */
  rows: Promise<TemplateRowSummary[] | null>;
  settings: Promise<MessageReply<'getSettings'>>;
};

/** Where the early script leaves the reads for the page's module (lib/first-screen.ts askEarly). */
export const FIRST_READS_GLOBAL = 'certcentralCompanionFirstReads';

type Scope = Record<string, unknown>;

/** Asks both reads now: the rows first, as the background's answer reads the same database. */
export function askFirstReads(): FirstReads {
  const rows = readTemplateRowSummaries().catch(() => null);
  return { rows, settings: sendSettingsMessage('getSettings', undefined) };
}

/** The early script: asks the reads and leaves them, unless the page's module has asked already. */
export function askFirstReadsEarly(scope: Scope = globalThis as unknown as Scope, ask = askFirstReads): void {
  askEarly(FIRST_READS_GLOBAL, ask, scope);
}

/** The page's module: the reads the early script left, or asked now when it has not run. */
export function takeFirstReads(
  scope: Scope = globalThis as unknown as Scope,
  ask = askFirstReads,
): FirstReads {
  return takeEarly(FIRST_READS_GLOBAL, ask, scope);
}

/**
 * How long an answer that is in waits for the other before it is shown alone. Shown together, the
 * connection and the list are made, laid out and painted in one frame; shown as each arrived, the
 * list came a frame or two after the connection even when both answers were in within a few
 * milliseconds (`npm run bench`). Past this, the one in is shown: a worker that takes long to start
 * must not hold up the list, nor a slow database the connection.
 */
export const TOGETHER_WITHIN_MS = 100;

/** The same reads, each settled once both are (or `withinMs` after it, if the other is slower). */
export function shownTogether(reads: FirstReads, withinMs = TOGETHER_WITHIN_MS): FirstReads {
  const after = <T>(read: Promise<T>, other: Promise<unknown>): Promise<T> =>
    read.then(async (value) => {
      // Only that the other is in matters here, not whether it succeeded.
      await readInTime(other, withinMs);
      return value;
    });
  return { rows: after(reads.rows, reads.settings), settings: after(reads.settings, reads.rows) };
}
