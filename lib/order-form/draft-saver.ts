/**
 * When the popup saves its unfinished order: a moment after the last change (so typing does not
 * write at every key), and never once the person has left the order on purpose. Leaving discards
 * the draft; a save still waiting then must not run after that discard, or the order they left
 * comes back the next time the popup opens (seen in the end-to-end tests on a busy machine, where
 * the discard's round trip outlasted a save's wait).
 */
import type { DraftInput } from './draft';

/** How long after the last change the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 250;

export type DraftSaver = {
  /** The form changed: save this draft once nothing has changed for a moment. */
  changed(draft: DraftInput): void;
  /** Drops a save still waiting (the form's change was superseded, or the form is gone). */
  cancel(): void;
  /** Leaves the order: no save from now on, and the saved draft is discarded. */
  leave(): Promise<void>;
};

export function createDraftSaver(
  save: (draft: DraftInput) => Promise<void>,
  discard: () => Promise<void>,
): DraftSaver {
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let left = false;
  const cancel = () => {
    clearTimeout(waiting);
    waiting = undefined;
  };
  return {
    changed(draft) {
      cancel();
      if (left) return;
      waiting = setTimeout(() => {
        waiting = undefined;
        if (!left) void save(draft).catch(() => undefined);
      }, DRAFT_SAVE_DELAY_MS);
    },
    cancel,
    leave() {
      left = true;
      cancel();
      return discard();
    },
  };
}
