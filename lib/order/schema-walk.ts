import type { z } from 'zod/mini';

export type Schema = z.core.$ZodType;

/** The parts of a zod definition this module walks (objects, arrays, optional wrappers). */
export interface WalkDef {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
}

export function defOf(schema: Schema): WalkDef {
  return schema._zod.def as WalkDef;
}

/** The schema inside `z.optional(...)`, or the schema itself. */
export function unwrap(schema: Schema): Schema {
  const def = defOf(schema);
  return def.type === 'optional' && def.innerType ? def.innerType : schema;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
