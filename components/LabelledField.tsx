import type { ComponentChildren, JSX } from 'preact';

type InputProps = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-describedby' | 'aria-invalid' | 'children'
>;

type Props = InputProps & {
  /** The input's id; the hint and the problem take `<id>-hint` and `<id>-problem`. */
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** What is wrong with the value, shown under the field and announced at once; empty when nothing is. */
  problem?: string;
  /**
   * The value was refused and the reason is shown elsewhere on the page (a notice), under
   * `<id>-problem`: the field is marked invalid and points at it, but shows nothing itself.
   */
  problemElsewhere?: boolean;
  /** Further ids that describe the input, read after the hint. */
  describedBy?: string;
  /** More to show under the hint. */
  children?: ComponentChildren;
};

/**
 * A text-like input with its visible label, its hint and the problem with its value. The input
 * points at the problem (first, so it is read before the hint) and at the hint with
 * aria-describedby, and is aria-invalid while a problem stands; the problem uses role="alert" so
 * screen readers announce it when it appears (WCAG 3.3.1 Error Identification).
 */
export function LabelledField({
  id,
  label,
  hint,
  problem,
  problemElsewhere = false,
  describedBy,
  children,
  ...input
}: Props) {
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const invalid = problemElsewhere || Boolean(problem);
  const described = [invalid ? problemId : '', hint ? hintId : '', describedBy ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        {...input}
        id={id}
        aria-describedby={described || undefined}
        aria-invalid={invalid ? 'true' : undefined}
      />
      {hint && (
        <span id={hintId} class="hint">
          {hint}
        </span>
      )}
      {children}
      {problem && !problemElsewhere && (
        <p id={problemId} class="problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
