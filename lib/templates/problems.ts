/**
 * What the template checks report: one TemplateProblem per thing a person must fix (or, as a
 * warning, should know). `path` points into the template (`name`, `fields[credit_card.number].default`);
 * `message` reads on its own and says how to fix it, because it is shown as is in the editor and on import.
 */
export type TemplateProblemCode =
  // shape of the template itself
  | 'invalid_shape'
  | 'unknown_product'
  | 'name_taken'
  | 'not_found'
  // one field of the template
  | 'unknown_field'
  | 'not_a_value_field'
  | 'deprecated_field'
  | 'per_order_field'
  | 'card_must_be_asked'
  | 'card_default'
  | 'csr_source_not_here'
  | 'wrong_type'
  | 'not_one_of'
  // secrets, found anywhere in what was given
  | 'card_number'
  | 'secret_field'
  // warnings only: a template saved or exported before a field was deprecated
  | 'deprecated_moved'
  | 'deprecated_dropped'
  // a whole import file
  | 'too_large'
  | 'not_json'
  | 'not_an_export'
  | 'newer_version'
  | 'too_many'
  | 'id_replaced'
  // a stored template that could not be brought up to date
  | 'migration_failed'
  // the organization's policy allows no personal templates, or the template is the organization's
  | 'managed_by_policy';

export interface TemplateProblem {
  path: string;
  code: TemplateProblemCode;
  message: string;
}

export function templateProblem(path: string, code: TemplateProblemCode, text: string): TemplateProblem {
  return { path, code, message: path === '' ? text : `${path}: ${text}` };
}

/** `fields[organization.id]`: the path of one field entry of a template. */
export function fieldPath(path: string, part?: 'value' | 'default' | 'source'): string {
  return part ? `fields[${path}].${part}` : `fields[${path}]`;
}
