import { t } from '../i18n';
import { formatPath, type Problem, problem } from './problem';
import { OrderRequestSchema } from './request';
import { defOf, isRecord, type Schema, unwrap } from './schema-walk';

/**
 * Keys the schema does not know. The schema strips them from the request, so a misspelt field
 * (`dns_name`) would vanish silently; a warning says so. Not an error: DigiCert's order page is cut off after
 * certificate_dcv_scope, so DigiCert may document fields we do not know yet. Walks the schema rather
 * than the field catalogue so the popup's validator does not carry the catalogue's descriptions.
 */
export function unknownFields(body: unknown): Problem[] {
  const out: Problem[] = [];
  walk(OrderRequestSchema, body, [], out);
  return out;
}

function walk(schema: Schema, value: unknown, parts: PropertyKey[], out: Problem[]): void {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    value.forEach((entry, i) => {
      walk(element, entry, [...parts, i], out);
    });
    return;
  }
  if (def.type !== 'object' || !def.shape || !isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    // Own keys of the shape only: `toString` or `__proto__` in a body is an unknown field, not a schema.
    const childSchema = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (childSchema) walk(childSchema, child, [...parts, key], out);
    else out.push(problem(formatPath([...parts, key]), 'unknown_field', t('common_check_unknown_field')));
  }
}
