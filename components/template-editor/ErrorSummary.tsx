import { useEffect, useRef } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { fieldLabel } from '@/lib/templates/editor/fields';
import type { DraftCheck } from '@/lib/templates/editor/problems';
import { REVEAL_EVENT } from './Fold';
import { fieldId } from './ids';

/** A field's first control: its source choice (it is always there). */
const targetId = (key: string) => (key === 'name' ? 'template-name' : `${fieldId(key)}-source`);

/** After a refused save: every problem, each a button that goes to its field. Announced at once. */
export function ErrorSummary({ check }: { check: DraftCheck }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const items: [string, string][] = [
    ...(check.name
      ? [['name', t('editor_problem_at', [t('editor_template_name'), check.name])] as [string, string]]
      : []),
    ...Object.entries(check.fields).flatMap(([path, list]) =>
      list.map((p) => [path, t('editor_problem_at', [fieldLabel(path), p.message])] as [string, string]),
    ),
  ];
  return (
    <div ref={box} class="notice error" role="alert" tabIndex={-1}>
      <strong>{tn(check.count, 'editor_not_saved_one', 'editor_not_saved_other')}</strong>
      <ul class="summary-list">
        {check.general.map((g) => (
          <li key={g}>{g}</li>
        ))}
        {items.map(([key, text]) => (
          <li key={text}>
            <a
              href={`#${targetId(key)}`}
              onClick={(e) => {
                e.preventDefault();
                const target = document.getElementById(targetId(key));
                target?.dispatchEvent(new Event(REVEAL_EVENT, { bubbles: true }));
                target?.focus();
              }}
            >
              {text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
