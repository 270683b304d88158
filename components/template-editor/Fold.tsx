import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import type { FoldCount } from '@/lib/templates/editor/folding';
import { startsOpen } from '@/lib/templates/editor/folding';

type Props = {
  id: string;
  title: string;
  count: FoldCount;
  /** h3 for a group of the editor, h4 for a part inside one. */
  level: 3 | 4;
  /** Shown under the heading, folded or not. */
  hint?: string;
  children: ComponentChildren;
};

/** "— 6 fields, none set": what a folded part holds, so nobody has to open it to find out. */
export function foldSummary({ fields, set, problems }: FoldCount): string {
  const held = tn(fields, 'editor_fold_fields_one', 'editor_fold_fields_other');
  const filled = set === 0 ? t('editor_fold_none_set') : tn(set, 'editor_fold_set', 'editor_fold_set');
  if (problems === 0) return t('editor_fold_count', [held, filled]);
  const wrong = tn(problems, 'editor_fold_problems_one', 'editor_fold_problems_other');
  return t('editor_fold_count_problems', [held, filled, wrong]);
}

/**
 * The event the error summary sends to a field before moving focus to it: every fold around the
 * field opens, so the field can take focus.
 */
export const REVEAL_EVENT = 'editor-reveal';

/**
 * A foldable part of the editor: a heading whose button opens and closes it (aria-expanded, Enter
 * and Space as for any button). It starts folded only when nothing in it is set or wrong, and opens
 * by itself when a problem appears in it, since a problem must never be hidden.
 */
export function Fold({ id, title, count, level, hint, children }: Props) {
  const [open, setOpen] = useState(() => startsOpen(count));
  const region = useRef<HTMLDivElement>(null);
  const hasProblem = count.problems > 0;
  useEffect(() => {
    if (hasProblem) setOpen(true);
  }, [hasProblem]);
  useEffect(() => {
    const el = region.current;
    if (!el) return;
    const reveal = () => {
      // Shown now, not at the next render, so that focus can move into it straight away.
      el.hidden = false;
      setOpen(true);
    };
    el.addEventListener(REVEAL_EVENT, reveal);
    return () => el.removeEventListener(REVEAL_EVENT, reveal);
  }, []);
  const Heading = level === 3 ? 'h3' : 'h4';
  const regionId = `${id}-content`;
  return (
    <>
      <Heading class="fold-heading">
        <button
          type="button"
          class="fold-toggle"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen(!open)}
        >
          <span class="fold-mark" aria-hidden="true" />
          <span id={id} class="fold-title">
            {title}
          </span>
          <span class="fold-count"> {foldSummary(count)}</span>
        </button>
      </Heading>
      {hint && <p class="muted">{hint}</p>}
      <div id={regionId} ref={region} class="stack" hidden={!open}>
        {children}
      </div>
    </>
  );
}
