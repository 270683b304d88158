import type { ComponentChild } from 'preact';
import { type MessageKey, messageParts } from '@/lib/i18n';

type Props = {
  id: MessageKey;
  /** The message's substitutions in order: text is substituted, an element is put in its place. */
  args?: readonly ComponentChild[];
};

/**
 * A message with elements inside it (a `<code>`, a `<strong>`, a link): one catalogue entry for the
 * whole sentence, so a translation can put the elements wherever its word order needs them.
 */
export function Msg({ id, args = [] }: Props) {
  const parts = messageParts(
    id,
    args.map((a) => (typeof a === 'string' ? a : null)),
  );
  return <>{parts.map((part) => (typeof part === 'number' ? args[part] : part))}</>;
}
