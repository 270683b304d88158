/**
 * What one field of a template may hold, judged against the order field catalogue (ORDER_FIELDS).
 * The order's own validation (validateOrderRequest) still judges the built body; these checks catch
 * early what can never work in a template, in words that say how to fix it.
 */
import { type MessageKey, t } from '../i18n';
import { type FieldInfo, fieldInfo, ORDER_FIELDS } from '../order';
import { CSR_PATHS, type FieldValue, isCardPath } from './model';
import { fieldPath, type TemplateProblem, templateProblem } from './problems';

const EXPECTED: Record<string, MessageKey> = {
  string: 'common_check_type_string',
  integer: 'settings_check_type_integer',
  boolean: 'common_check_type_boolean',
  object: 'common_check_type_object',
};

export function checkFieldValue(path: string, value: FieldValue): TemplateProblem[] {
  const at = fieldPath(path);
  const info = fieldInfo(path);
  if (!info) return [templateProblem(at, 'unknown_field', t('settings_check_unknown_field'))];
  const notValue = notAValueField(info);
  if (notValue) return [templateProblem(at, 'not_a_value_field', notValue)];
  if (info.deprecated) {
    const { replacement, reason } = info.deprecated;
    const text = replacement
      ? t('settings_check_deprecated_replaced', [t(reason), replacement])
      : t('settings_check_deprecated', t(reason));
    return [templateProblem(at, 'deprecated_field', text)];
  }
  if (path === 'alternative_order_id')
    return [templateProblem(at, 'per_order_field', t('settings_check_per_order'))];
  if (isCardPath(path)) return cardProblems(path, value);
  if (value.source === 'csr' && !CSR_PATHS.includes(path))
    return [
      templateProblem(
        fieldPath(path, 'source'),
        'csr_source_not_here',
        t('settings_check_csr_source', CSR_PATHS.join(', ')),
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
    return t('settings_check_list_entry', list);
  }
  if (info.type !== 'object') return undefined;
  const part = ORDER_FIELDS.find((f) => f.path.startsWith(`${info.path}.`));
  return part ? t('settings_check_group_such_as', part.path) : t('settings_check_group');
}

/** Card data is only ever asked for at use, and never prefilled: a default would be stored card data. */
function cardProblems(path: string, value: FieldValue): TemplateProblem[] {
  if (value.source !== 'asked')
    return [templateProblem(fieldPath(path, 'source'), 'card_must_be_asked', t('settings_check_card_asked'))];
  if (value.default !== undefined)
    return [templateProblem(fieldPath(path, 'default'), 'card_default', t('settings_check_card_default'))];
  return [];
}

function valueProblems(info: FieldInfo, value: unknown, at: string): TemplateProblem[] {
  const expected = expectedWords(info);
  if (!hasType(info, value))
    return [templateProblem(at, 'wrong_type', t('settings_check_must_be', expected))];
  if (info.values && !info.values.includes(value as string | number | boolean))
    return [
      templateProblem(at, 'not_one_of', t('settings_check_one_of', info.values.map(String).join(', '))),
    ];
  return [];
}

function expectedWords(info: FieldInfo): string {
  if (info.type !== 'array') {
    const key = EXPECTED[info.type];
    return key ? t(key) : info.type;
  }
  if (info.items === 'integer') return t('settings_check_type_list_integers');
  if (info.items === 'object') return t('settings_check_type_list_objects');
  return t('settings_check_type_list_strings');
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
