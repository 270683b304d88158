import type { FieldProblem } from '@/lib/templates/editor/problems';

type Props = { id: string; problems: readonly Pick<FieldProblem, 'message'>[] };

/**
 * A field's problems, announced politely as they appear (role=alert on every keystroke would
 * interrupt typing). Always rendered, so the live region exists before its first message.
 */
export function ProblemList({ id, problems }: Props) {
  return (
    <div id={id} class="problems" aria-live="polite">
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
