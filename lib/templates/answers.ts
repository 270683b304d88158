/**
 * What the popup's form gives back is mostly text; the body needs the field's type. Only unambiguous
 * text is converted ("3" → 3 for a whole number, "true" → true, one name per line or comma for a
 * list): anything else is left as typed, so validateOrderRequest reports it at its field in words.
 */
import type { FieldInfo } from '../order';

/** Nothing given: undefined, null, blank text or an empty list. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function scalar(type: string | undefined, text: string): unknown {
  const t = text.trim();
  if (type === 'integer') return /^-?\d+$/.test(t) ? Number(t) : text;
  if (type === 'boolean') return t === 'true' ? true : t === 'false' ? false : text;
  return t;
}

export function coerceAnswer(field: FieldInfo, answer: unknown): unknown {
  if (field.type === 'array') {
    // Lists of objects (contacts, custom fields) come from the form as objects already.
    if (field.items === 'object') return answer;
    const items = typeof answer === 'string' ? answer.split(/[\s,;]+/).filter((s) => s !== '') : answer;
    if (!Array.isArray(items)) return answer;
    return items.map((item) => (typeof item === 'string' ? scalar(field.items, item) : item));
  }
  return typeof answer === 'string' ? scalar(field.type, answer) : answer;
}
