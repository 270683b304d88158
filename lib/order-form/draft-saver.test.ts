import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftInput } from './draft';
import { createDraftSaver, DRAFT_SAVE_DELAY_MS } from './draft-saver';

const draft = (csrText: string): DraftInput => ({
  id: 'draft-1',
  templateId: 'template-1',
  answers: {},
  csrText,
  step: 'fill',
});

/** The saver with save and discard that record, in order, what reached the store. */
function recorded() {
  const store: string[] = [];
  const saver = createDraftSaver(
    async (d) => {
      store.push(`save ${d.csrText}`);
    },
    async () => {
      store.push('discard');
    },
  );
  return { store, saver };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createDraftSaver', () => {
  it('saves the last change once nothing has changed for a moment', async () => {
    const { store, saver } = recorded();
    saver.changed(draft('a'));
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS - 1);
    saver.changed(draft('ab'));
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS - 1);
    expect(store).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(store).toEqual(['save ab']);
  });

  it('never saves after the order was left, even a change made just before', async () => {
    const { store, saver } = recorded();
    saver.changed(draft('pasted CSR'));
    const left = saver.leave();
    // The form is still on the page while the discard runs: its effects may report changes.
    saver.changed(draft('pasted CSR'));
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 4);
    await left;
    expect(store).toEqual(['discard']);
  });

  it('discards after a save that had already begun', async () => {
    const { store, saver } = recorded();
    saver.changed(draft('a'));
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    await saver.leave();
    expect(store).toEqual(['save a', 'discard']);
  });

  it('drops a waiting save when cancelled, and saves again on the next change', async () => {
    const { store, saver } = recorded();
    saver.changed(draft('a'));
    saver.cancel();
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS * 2);
    expect(store).toEqual([]);
    saver.changed(draft('b'));
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS);
    expect(store).toEqual(['save b']);
  });
});
