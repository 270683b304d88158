/**
 * What validation reports: one Problem per thing a person must fix (or, as a warning, should see).
 * `path` is a JSON path into the request body (`certificate.dns_names[2]`, `organization.contacts[0].email`);
 * the empty path means the body itself. `message` always starts with the path so it reads on its own.
 */
export interface Problem {
  path: string;
  code: string;
  message: string;
}

/** Every code this module reports. Kept as a type so tests and the UI cannot misspell one. */
export type ProblemCode =
  // shape of a single field
  | 'required'
  | 'invalid_type'
  | 'not_allowed'
  | 'empty'
  | 'too_small'
  | 'too_big'
  | 'too_long'
  | 'invalid_format'
  | 'invalid_email'
  | 'invalid_date'
  | 'invalid_thumbprint'
  | 'invalid_csr'
  | 'invalid_character'
  | 'invalid_country'
  | 'invalid_card_number'
  | 'duplicate'
  // host names
  | 'name_too_long'
  | 'single_label'
  | 'empty_label'
  | 'label_too_long'
  | 'hyphen_at_label_edge'
  | 'trailing_dot'
  | 'numeric_tld'
  | 'wildcard_not_leftmost'
  | 'partial_wildcard'
  | 'wildcard_not_allowed'
  | 'wildcard_with_http_dcv'
  // fields that depend on each other, the product or the date
  | 'unknown_product'
  // a value too big or too deep to look at (bounds.ts)
  | 'too_deep'
  | 'too_many_entries'
  | 'key_too_long'
  | 'too_many_values'
  | 'renewal_reference_missing'
  | 'not_for_this_payment'
  | 'card_expired'
  | 'validity_empty'
  | 'validity_overridden'
  | 'date_not_in_future'
  | 'beyond_three_years'
  | 'exceeds_order_validity'
  | 'exceeds_maximum_validity'
  | 'validity_capped'
  | 'cap_decreases'
  | 'id_or_details_required'
  | 'id_and_details'
  | 'organization_contact_missing'
  | 'ev_approver_missing'
  // warnings only
  | 'card_payment'
  | 'skip_approval'
  | 'deprecated_field'
  | 'unknown_field';

/** `['organization', 'contacts', 0, 'email']` → `organization.contacts[0].email`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function problem(path: string, code: ProblemCode, text: string): Problem {
  return { path, code, message: path === '' ? text : `${path}: ${text}` };
}

/**
 * Reads a value at a path; undefined when any step is missing. Used for "is this field present?".
 * Own properties only: a body without `constructor` has no field of that name, whatever its prototype has.
 */
export function valueAt(root: unknown, parts: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}

/** A text quoted for a message, cut to its start when long: a message points at a value, it need not repeat it. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/**
 * A short, quoted rendering of a value for messages (never the whole CSR). Text is cut before it is
 * quoted, so a long value costs nothing; what JSON cannot show (a cycle, a bigint) is named by its kind.
 */
export function show(value: unknown): string {
  let text: string;
  try {
    const cut = typeof value === 'string' && value.length > 40 ? value.slice(0, 40) : value;
    text = JSON.stringify(cut) ?? typeof value;
  } catch {
    text = Array.isArray(value) ? 'a list' : typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
