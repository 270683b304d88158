import type { ComponentChildren } from 'preact';

type Props = {
  tone: 'ok' | 'error' | 'warn';
  title: string;
  children?: ComponentChildren;
  /** For a field to point at it with aria-describedby when the notice is about that field. */
  id?: string;
};

/**
 * A message the user must notice. Errors use role="alert" so screen readers announce them at
 * once; the others use role="status", announced politely.
 */
export function Notice({ tone, title, children, id }: Props) {
  return (
    <div id={id} class={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}
