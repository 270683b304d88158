import { useEffect, useRef } from 'preact/hooks';
import { fieldLabel } from '@/lib/templates/editor-fields';
import type { DraftCheck } from '@/lib/templates/editor-problems';
import { fieldId } from './ids';

/** A field's first control: its source choice (it is always there). */
const targetId = (key: string) => (key === 'name' ? 'template-name' : `${fieldId(key)}-source`);

/** After a refused save: every problem, each a button that goes to its field. Announced at once. */
export function ErrorSummary({ check }: { check: DraftCheck }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const items: [string, string][] = [
    ...(check.name ? [['name', `Template name: ${check.name}`] as [string, string]] : []),
    ...Object.entries(check.fields).flatMap(([path, list]) =>
      list.map((p) => [path, `${fieldLabel(path)}: ${p.message}`] as [string, string]),
    ),
  ];
  return (
    <div ref={box} class="notice error" role="alert" tabIndex={-1}>
      <strong>
        Not saved: {check.count === 1 ? 'one problem needs' : `${check.count} problems need`} fixing first.
        Everything you entered is kept.
      </strong>
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
                document.getElementById(targetId(key))?.focus();
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
