/**
 * The editor's draft as pure functions: the body its fixed values make (for validation as you
 * type), and what happens to a field's value when its source changes (nothing typed is lost when
 * a person flips between "Fixed" and "Ask when used").
 */
import { fieldInfo, ORDER_FIELDS } from '../../order';
import { isEmptyAnswer } from '../answers';
import { setPath } from '../build';
import { type AskedValue, type FieldSource, type FieldValue, isCardPath } from '../model';

export type DraftFields = Record<string, FieldValue>;
type FixedJson = Extract<FieldValue, { source: 'fixed' }>['value'];
/** What the source choice can say: a source, or "leave out" (the field is not in the template). */
export type SourceChoice = FieldSource | 'none';

/** Blank text, an empty list or nothing: a fixed field with this value is not filled in yet. */
export const isBlankValue = (value: unknown): boolean => isEmptyAnswer(value);

/** The empty value a fixed field starts with, by the field's type. */
export function emptyValue(path: string): FixedJson {
  const info = fieldInfo(path);
  if (info?.type === 'array') return [];
  if (info?.type === 'boolean') return false;
  return '';
}

/** A field's value after choosing a new source; undefined means "leave out". */
export function changeSource(
  path: string,
  current: FieldValue | undefined,
  to: SourceChoice,
): FieldValue | undefined {
  if (to === 'none') return undefined;
  if (current?.source === to) return current;
  const carried =
    current?.source === 'fixed' ? current.value : current?.source === 'asked' ? current.default : undefined;
  if (to === 'fixed') return { source: 'fixed', value: carried ?? emptyValue(path) };
  if (to === 'asked') {
    // Card data is never kept in a template, not even as a default.
    if (isCardPath(path) || isBlankValue(carried) || typeof carried === 'boolean') return { source: 'asked' };
    return { source: 'asked', default: carried as AskedValue['default'] };
  }
  return { source: to };
}

/** Top-level groups every order has; present (even empty) so each missing part is named on its own. */
const REQUIRED_GROUPS = ORDER_FIELDS.filter(
  (f) => f.type === 'object' && f.presence === 'required' && !f.path.includes('.'),
).map((f) => f.path);

/**
 * The order body made by the template's fixed values alone. Asked, renewal and CSR values are
 * unknown until use, so they are left out (their problems are filtered by editor/problems.ts).
 */
export function bodyFromFixed(fields: Readonly<DraftFields>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const group of REQUIRED_GROUPS) body[group] = {};
  for (const [path, value] of Object.entries(fields))
    if (value.source === 'fixed' && !isBlankValue(value.value))
      setPath(body, path, structuredClone(value.value));
  return body;
}

/** What is saved: text trimmed, blank list entries dropped (typing keeps spaces until then). */
export function cleanFields(fields: Readonly<DraftFields>): DraftFields {
  const out: DraftFields = {};
  for (const [path, value] of Object.entries(fields)) {
    if (value.source === 'fixed') out[path] = { source: 'fixed', value: clean(value.value) };
    else if (value.source === 'asked') {
      const { default: given, label, help, ...rest } = value;
      const kept = clean(given);
      out[path] = {
        ...rest,
        ...(isBlankValue(kept) ? {} : { default: kept }),
        ...(label?.trim() ? { label: label.trim() } : {}),
        ...(help?.trim() ? { help: help.trim() } : {}),
      };
    } else out[path] = value;
  }
  return out;
}

function clean(value: FixedJson | undefined): FixedJson {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(clean).filter((v) => !isBlankValue(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => {
        const kept = clean(v);
        return isBlankValue(kept) ? [] : [[k, kept]];
      }),
    );
  return value as FixedJson;
}

/** A new template's starting point: the usual EV order, with the names taken from the CSR. */
export function newTemplateFields(needsEvApprover: boolean): DraftFields {
  return {
    'order_validity.years': { source: 'fixed', value: 1 },
    'certificate.signature_hash': { source: 'fixed', value: 'sha256' },
    'certificate.common_name': { source: 'csr' },
    'certificate.dns_names': { source: 'csr' },
    'certificate.csr': { source: 'csr' },
    'organization.id': { source: 'fixed', value: '' },
    ...(needsEvApprover ? { 'organization.contacts': { source: 'fixed', value: [] } } : {}),
  };
}

/**
 * After a product change: an EV product gets an (empty) contacts list to fill, ready for its
 * approver; a non-EV one loses that list while it is still empty (it was only a prompt).
 */
export function fieldsForProduct(fields: Readonly<DraftFields>, needsEvApprover: boolean): DraftFields {
  const contacts = fields['organization.contacts'];
  if (needsEvApprover && !contacts)
    return { ...fields, 'organization.contacts': { source: 'fixed', value: [] } };
  if (!needsEvApprover && contacts?.source === 'fixed' && isBlankValue(contacts.value)) {
    const { 'organization.contacts': _empty, ...rest } = fields;
    return rest;
  }
  return { ...fields };
}
