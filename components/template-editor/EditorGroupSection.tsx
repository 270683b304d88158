import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { FieldValue } from '@/lib/templates';
import type { DraftFields } from '@/lib/templates/editor/draft';
import { countFold } from '@/lib/templates/editor/folding';
import { type EditorGroup, groupPaths } from '@/lib/templates/editor/groups';
import type { FieldProblem } from '@/lib/templates/editor/problems';
import { type EditorContext, FieldRow } from './FieldRow';
import { Fold } from './Fold';

type Props = {
  group: EditorGroup;
  fields: DraftFields;
  problemsAt: (path: string) => readonly FieldProblem[];
  onChange: (path: string, value: FieldValue | undefined) => void;
  ctx: EditorContext;
  children?: ComponentChildren;
};

/**
 * One section of the editor, and the parts of it few orders need, each folded while nothing in it is
 * set or wrong.
 */
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
  const count = (paths: readonly string[]) => countFold(paths, fields, problemsAt);
  return (
    <section class="egroup card stack" aria-labelledby={`group-${group.id}`}>
      <Fold
        id={`group-${group.id}`}
        title={t(group.title)}
        hint={t(group.hint)}
        level={3}
        count={count(groupPaths(group))}
      >
        {children}
        {group.parts.map((part, index) =>
          part.more ? (
            <div key={part.title} class="epart stack">
              <Fold
                id={`part-${group.id}-${index}`}
                title={part.title ? t(part.title) : ''}
                level={4}
                count={count(part.paths)}
              >
                {part.paths.map(row)}
              </Fold>
            </div>
          ) : (
            <div key={part.paths[0]} class="stack">
              {part.paths.map(row)}
            </div>
          ),
        )}
      </Fold>
    </section>
  );
}
