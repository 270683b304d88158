// The tolerant reader, proven on every response schema: each optional field accepts `null` and
// absence, each required field is really required (so the walk can fail), unknown fields are kept,
// and a list may leave its array out.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { RESPONSE_SCHEMAS } from './response-schemas';
import { listItemSchemas } from './schemas';

type Def = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
};
const defOf = (s: z.core.$ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (s: z.core.$ZodType) =>
  (s as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** A value the schema accepts, with every optional field filled in. */
function sample(schema: z.core.$ZodType): unknown {
  const item = listItemSchemas.get(schema);
  if (item) return [sample(item)];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'optional':
    case 'nullable':
      return sample(def.innerType as z.core.$ZodType);
    case 'pipe':
      return sample(def.in as z.core.$ZodType);
    case 'array':
      return [sample(def.element as z.core.$ZodType)];
    case 'union':
      return sample((def.options as z.core.$ZodType[])[0] as z.core.$ZodType);
    case 'string':
      return 'x';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    default:
      return 'x';
  }
}

type Path = { path: (string | number)[]; optional: boolean; inList: boolean };

/** Every field of every object the schema reads, nested objects and list items included. */
function fields(schema: z.core.$ZodType, prefix: (string | number)[] = [], inList = false): Path[] {
  const item = listItemSchemas.get(schema);
  if (item) return fields(item, [...prefix, 0], true);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => [
        { path: [...prefix, key], optional: isOptional(value), inList },
        ...fields(value, [...prefix, key], inList),
      ]);
    case 'optional':
    case 'nullable':
      return fields(def.innerType as z.core.$ZodType, prefix, inList);
    case 'pipe':
      return fields(def.in as z.core.$ZodType, prefix, inList);
    case 'union':
      return fields((def.options as z.core.$ZodType[])[0] as z.core.$ZodType, prefix, inList);
    default:
      return [];
  }
}

function withField(value: unknown, path: (string | number)[], change: 'null' | 'absent'): unknown {
  const copy = structuredClone(value);
  let at = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (change === 'null') at[last] = null;
  else delete at[last];
  return copy;
}

const hasUnreadable = (out: unknown) => JSON.stringify(out).includes('"unreadable":[{');
const cases = Object.entries(RESPONSE_SCHEMAS);

describe('every response schema is a tolerant reader', () => {
  it.each(cases)('%s accepts its full sample and keeps unknown fields', (_name, { schema }) => {
    const full = sample(schema) as Record<string, unknown>;
    const out = z.parse(schema, { ...full, a_field_added_later: { nested: [1] } }) as Record<string, unknown>;
    expect(out.a_field_added_later).toEqual({ nested: [1] });
    expect(hasUnreadable(out)).toBe(false);
  });

  it.each(cases)('%s: each optional field accepts null and absence', (_name, { schema }) => {
    const full = sample(schema);
    const optional = fields(schema).filter((f) => f.optional);
    for (const { path } of optional) {
      for (const change of ['null', 'absent'] as const) {
        const result = z.safeParse(schema, withField(full, path, change));
        expect(result.success, `${path.join('.')} ${change}`).toBe(true);
        expect(hasUnreadable(result.data), `${path.join('.')} ${change} sets an item aside`).toBe(false);
      }
    }
  });

  it.each(cases)(
    '%s: each required field is required (the item is set aside in a list)',
    (_name, { schema }) => {
      const full = sample(schema);
      for (const { path, inList } of fields(schema).filter((f) => !f.optional)) {
        const result = z.safeParse(schema, withField(full, path, 'absent'));
        const refused = !result.success || (inList && hasUnreadable(result.data));
        expect(refused, `${path.join('.')} absent`).toBe(true);
      }
    },
  );

  it('walks enough fields to mean something, and requires only ids and statuses', () => {
    const all = cases.flatMap(([name, { schema }]) => fields(schema).map((f) => ({ ...f, name })));
    expect(all.filter((f) => f.optional).length).toBeGreaterThan(150);
    const required = new Set(all.filter((f) => !f.optional).map((f) => String(f.path[f.path.length - 1])));
    expect([...required].sort()).toEqual([
      'days_expiring',
      'id',
      'name',
      'name_id',
      'order_count',
      'order_id',
      'pem',
      'status',
      'type',
    ]);
  });

  it('covers every schema a call site reads an answer with', () => {
    const dir = new URL('.', import.meta.url);
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test.'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      for (const m of text.matchAll(/\bt\.(?:get|post|put)\(([^;]*);/gs))
        for (const s of (m[1] ?? '').matchAll(/\b(\w+Schema)\b/g)) used.add(s[1] as string);
    }
    expect(used.size).toBeGreaterThanOrEqual(14);
    expect([...used].filter((name) => !(name in RESPONSE_SCHEMAS))).toEqual([]);
  });
});
