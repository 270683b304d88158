import { useState } from 'preact/hooks';
import { getProduct } from '@/lib/order';
import type { FieldValue, TemplateDraft } from '@/lib/templates';
import { fieldsForProduct } from '@/lib/templates/editor/draft';

/**
 * The draft being edited, and which fields the person has touched: problems show at a field once
 * it is touched, and everywhere after a save was refused (a new template is not a wall of red).
 */
export function useDraft(initial: () => TemplateDraft) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set([...t, key])));

  const setField = (path: string, value: FieldValue | undefined) => {
    setDraft((d) => {
      const { [path]: _old, ...rest } = d.fields;
      return { ...d, fields: value ? { ...rest, [path]: value } : rest };
    });
    touch(path);
  };
  const setMeta = (changes: Partial<Pick<TemplateDraft, 'name' | 'description' | 'product'>>) => {
    setDraft((d) => {
      const next = { ...d, ...changes };
      if (!changes.product) return next;
      return {
        ...next,
        fields: fieldsForProduct(next.fields, getProduct(changes.product)?.needsEvApprover ?? false),
      };
    });
    for (const key of Object.keys(changes)) touch(key);
  };
  const shows = (key: string) => submitted || touched.has(key);
  return { draft, setField, setMeta, shows, submitted, setSubmitted };
}
