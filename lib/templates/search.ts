/**
 * Finding and ordering templates in the popup and the options page. Search matches every word typed
 * against the name, the product (its name_id or display name) and the organization (the fixed
 * organization.id or its name kept beside it), ignoring case and accents.
 */
import { getProduct } from '../order';
import { byLastUse } from './list-order';
import { foldText, type Template } from './model';

function haystack(t: Template): string {
  const org = t.fields['organization.id'];
  const parts = [t.name, t.product, getProduct(t.product)?.name ?? '', t.organizationName ?? ''];
  if (org?.source === 'fixed') parts.push(String(org.value));
  return foldText(parts.join('\n'));
}

export function searchTemplates(list: readonly Template[], query: string): Template[] {
  const words = foldText(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [...list];
  return list.filter((t) => {
    const text = haystack(t);
    return words.every((w) => text.includes(w));
  });
}

/** Most recently used first; those never used after them, by name (list-order.ts). */
export function sortByLastUse(list: readonly Template[]): Template[] {
  return [...list].sort(byLastUse);
}
