import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

type Props = {
  /** The template's name as the person knows it; empty for a new template not named yet. */
  name: string;
  onKeep: () => void;
  onDiscard: () => void;
};

const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Asks before unsaved changes are thrown away. A modal dialog: the page behind cannot be reached,
 * Tab stays inside it, Escape keeps editing, and focus starts on "Keep editing" (the choice that
 * loses nothing) and goes back where it was when the dialog closes.
 */
export function DiscardDialog({ name, onKeep, onDiscard }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = dialog.current;
    const before = document.activeElement as HTMLElement | null;
    if (el && !el.open) el.showModal();
    keep.current?.focus();
    return () => {
      if (el?.open) el.close();
      before?.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onKeep();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // The browser would move on to its own toolbar after the last button; round again instead.
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      class="discard-dialog"
      aria-labelledby="discard-heading"
      aria-describedby="discard-detail"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onKeep();
      }}
      // Closed by the browser itself (Escape pressed twice): still nothing discarded.
      onClose={onKeep}
    >
      <h2 id="discard-heading">
        {name ? t('editor_discard_question', name) : t('editor_discard_question_new')}
      </h2>
      <p id="discard-detail">{t('editor_discard_detail')}</p>
      <div class="row">
        <button type="button" ref={keep} class="primary" onClick={onKeep}>
          {t('editor_keep_editing')}
        </button>
        <button type="button" class="danger" onClick={onDiscard}>
          {t('editor_discard_changes')}
        </button>
      </div>
    </dialog>
  );
}
