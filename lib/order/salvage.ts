import type { z } from 'zod/mini';
import { defOf, isRecord, type Schema } from './schema-walk';

/**
 * Keeps the parts of `value` that parse, field by field and entry by entry, dropping only what is
 * invalid. Used after a failed parse so the cross-field rules can still run on everything that is
 * well-formed: one validation run then reports every problem instead of one layer at a time.
 * Array entries keep their index (an invalid entry becomes undefined) so paths stay right.
 */
export function salvage(schema: Schema, value: unknown): unknown {
  const result = (schema as z.ZodMiniType).safeParse(value);
  if (result.success) return result.data;
  const def = defOf(schema);
  if (def.type === 'optional' && def.innerType) return salvage(def.innerType, value);
  if (def.type === 'object' && def.shape && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape)) {
      const kept = salvage(child, value[key]);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.map((entry) => salvage(element, entry));
  }
  return undefined;
}
