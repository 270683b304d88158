import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldValue } from '@/lib/templates';
import type { DraftFields } from '@/lib/templates/editor-draft';
import type { EditorGroup } from '@/lib/templates/editor-groups';
import type { FieldProblem } from '@/lib/templates/editor-problems';
import { type EditorContext, FieldRow } from './FieldRow';

type Props = {
  group: EditorGroup;
  fields: DraftFields;
  problemsAt: (path: string) => readonly FieldProblem[];
  onChange: (path: string, value: FieldValue | undefined) => void;
  ctx: EditorContext;
  children?: ComponentChildren;
};

/** One section of the editor; its folded parts open by themselves when they hold a value or a problem. */
export function EditorGroupSection({ group, fields, problemsAt, onChange, ctx, children }: Props) {
  const row = (path: string) => (
    <FieldRow
      key={path}
      path={path}
      value={fields[path]}
      problems={problemsAt(path)}
      onChange={onChange}
      ctx={ctx}
    />
  );
  return (
    <section class="egroup card stack" aria-labelledby={`group-${group.id}`}>
      <div>
        <h3 id={`group-${group.id}`}>{group.title}</h3>
        <p class="muted">{group.hint}</p>
      </div>
      {children}
      {group.parts.map((part) =>
        part.more ? (
          <Folded
            key={part.title}
            title={part.title ?? ''}
            needed={part.paths.some((p) => fields[p] !== undefined || problemsAt(p).length > 0)}
          >
            {part.paths.map(row)}
          </Folded>
        ) : (
          <div key={part.paths[0]} class="stack">
            {part.paths.map(row)}
          </div>
        ),
      )}
    </section>
  );
}

/** Open when the person opens it, and whenever it holds something (a value must never be hidden). */
function Folded({
  title,
  needed,
  children,
}: {
  title: string;
  needed: boolean;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details class="epart" open={open || needed} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      <div class="stack">{children}</div>
    </details>
  );
}
