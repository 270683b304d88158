/**
 * What one field of a template may hold, judged against the order field catalogue (ORDER_FIELDS).
 * The order's own validation (validateOrderRequest) still judges the built body; these checks catch
 * early what can never work in a template, in words that say how to fix it.
 */
import { type FieldInfo, fieldInfo, ORDER_FIELDS } from '../order';
import { CSR_PATHS, type FieldValue, isCardPath } from './model';
import { fieldPath, type TemplateProblem, templateProblem } from './problems';

const EXPECTED: Record<string, string> = {
  string: 'a text string',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object { ... }',
};

export function checkFieldValue(path: string, value: FieldValue): TemplateProblem[] {
  const at = fieldPath(path);
  const info = fieldInfo(path);
  if (!info)
    return [
      templateProblem(
        at,
        'unknown_field',
        'is not a field of the order request. Check the spelling against the editor’s field list.',
      ),
    ];
  const notValue = notAValueField(info);
  if (notValue) return [templateProblem(at, 'not_a_value_field', notValue)];
  if (info.deprecated) {
    const instead = info.deprecated.replacement ? `use ${info.deprecated.replacement} instead` : 'remove it';
    return [
      templateProblem(at, 'deprecated_field', `is deprecated (${info.deprecated.reason}); ${instead}.`),
    ];
  }
  if (path === 'alternative_order_id')
    return [
      templateProblem(
        at,
        'per_order_field',
        'is set fresh for every order by the extension (it makes retries safe), so a template cannot hold it. Remove it.',
      ),
    ];
  if (isCardPath(path)) return cardProblems(path, value);
  if (value.source === 'csr' && !CSR_PATHS.includes(path))
    return [
      templateProblem(
        fieldPath(path, 'source'),
        'csr_source_not_here',
        `cannot come from the CSR: only ${CSR_PATHS.join(', ')} can. Choose fixed, asked or renewal.`,
      ),
    ];
  if (value.source === 'fixed') return valueProblems(info, value.value, fieldPath(path, 'value'));
  if (value.source === 'asked' && value.default !== undefined)
    return valueProblems(info, value.default, fieldPath(path, 'default'));
  return [];
}

function notAValueField(info: FieldInfo): string | undefined {
  if (info.path.includes('[]')) {
    const list = info.path.slice(0, info.path.indexOf('[]'));
    return `is one entry of a list; set the whole list (${list}) instead.`;
  }
  if (info.type !== 'object') return undefined;
  const part = ORDER_FIELDS.find((f) => f.path.startsWith(`${info.path}.`));
  return `is a group of fields; set its parts instead${part ? ` (such as ${part.path})` : ''}.`;
}

/** Card data is only ever asked for at use, and never prefilled: a default would be stored card data. */
function cardProblems(path: string, value: FieldValue): TemplateProblem[] {
  if (value.source !== 'asked')
    return [
      templateProblem(
        fieldPath(path, 'source'),
        'card_must_be_asked',
        'card details can only be asked when the template is used, never kept in it. Make it an asked field.',
      ),
    ];
  if (value.default !== undefined)
    return [
      templateProblem(
        fieldPath(path, 'default'),
        'card_default',
        'card details cannot have a default (it would be kept in the template). Remove the default.',
      ),
    ];
  return [];
}

function valueProblems(info: FieldInfo, value: unknown, at: string): TemplateProblem[] {
  const expected = expectedWords(info);
  if (!hasType(info, value)) return [templateProblem(at, 'wrong_type', `must be ${expected}.`)];
  if (info.values && !info.values.includes(value as string | number | boolean))
    return [templateProblem(at, 'not_one_of', `must be one of ${info.values.map(String).join(', ')}.`)];
  return [];
}

function expectedWords(info: FieldInfo): string {
  if (info.type !== 'array') return EXPECTED[info.type] ?? info.type;
  if (info.items === 'integer') return 'a list of whole numbers';
  if (info.items === 'object') return 'a list of objects { ... }';
  return 'a list of text strings';
}

function isType(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  return typeof value === 'string';
}

function hasType(info: FieldInfo, value: unknown): boolean {
  if (info.type !== 'array') return isType(info.type, value);
  const items = info.items === 'integer' || info.items === 'object' ? info.items : 'string';
  return Array.isArray(value) && value.every((item) => isType(items, item));
}
