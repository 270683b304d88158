import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { z as mini } from 'zod/mini';
import { lazySchema } from './lazy-schema';

function counted<T extends object>(build: () => T) {
  const calls = { count: 0 };
  const schema = lazySchema(() => {
    calls.count++;
    return build();
  });
  return { schema, calls };
}

describe('lazySchema', () => {
  it('builds nothing until the schema is used, then builds it once', () => {
    const { schema, calls } = counted(() => z.object({ id: z.number() }));
    expect(calls.count).toBe(0);
    expect(schema.parse({ id: 1 })).toEqual({ id: 1 });
    expect(schema.safeParse({ id: 'x' }).success).toBe(false);
    expect(calls.count).toBe(1);
  });

  it('parses exactly as the schema it builds, errors included', () => {
    const { schema } = counted(() => mini.object({ name: mini.string().check(mini.minLength(1)) }));
    const direct = mini.object({ name: mini.string().check(mini.minLength(1)) });
    for (const value of [{ name: 'a' }, { name: '' }, {}, null, { name: 'b', extra: 1 }]) {
      const lazy = schema.safeParse(value);
      const eager = direct.safeParse(value);
      expect(lazy.success).toBe(eager.success);
      expect(lazy.data).toEqual(eager.data);
      expect(lazy.error?.issues).toEqual(eager.error?.issues);
    }
  });

  it('composes: inside objects, arrays, optionals and discriminated unions (zod and zod/mini)', () => {
    const user = lazySchema(() => mini.object({ id: mini.number() }));
    const state = lazySchema(() =>
      mini.discriminatedUnion('state', [
        mini.object({ state: mini.literal('missing') }),
        mini.object({ state: mini.literal('saved'), users: mini.array(user) }),
      ]),
    );
    const view = mini.object({ state, owner: mini.optional(user) });
    expect(view.parse({ state: { state: 'saved', users: [{ id: 1 }] } })).toEqual({
      state: { state: 'saved', users: [{ id: 1 }] },
    });
    expect(view.safeParse({ state: { state: 'saved', users: [{ id: 'x' }] } }).success).toBe(false);

    const classic = lazySchema(() => z.object({ id: z.number() }));
    const list = z.object({ items: z.array(classic).max(2), first: classic.optional() });
    expect(list.parse({ items: [{ id: 1 }], first: { id: 2 } })).toEqual({
      items: [{ id: 1 }],
      first: { id: 2 },
    });
    expect(list.safeParse({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] }).success).toBe(false);
  });

  it('keeps what zod asks of a schema: instanceof, its methods, its definition', () => {
    const schema = lazySchema(() => z.string().max(3));
    expect(schema instanceof z.ZodType).toBe(true);
    expect(schema.optional().parse(undefined)).toBeUndefined();
    expect(schema._zod.def.type).toBe('string');
    expect(schema.safeParse('abcd').success).toBe(false);
  });

  it('builds objects of fields that are spread into other schemas', () => {
    const { schema: fields, calls } = counted(() => ({ hint: z.string().max(4), savedAt: z.string() }));
    const record = lazySchema(() => z.object({ version: z.literal(1), ...fields }));
    expect(calls.count).toBe(0);
    expect(Object.keys(fields)).toEqual(['hint', 'savedAt']);
    expect(record.parse({ version: 1, hint: 'abcd', savedAt: 'now' })).toEqual({
      version: 1,
      hint: 'abcd',
      savedAt: 'now',
    });
    expect(record.safeParse({ version: 1, hint: 'abcde', savedAt: 'now' }).success).toBe(false);
    expect(calls.count).toBe(1);
  });

  it('has the type of the schema it builds', () => {
    const schema = lazySchema(() => mini.object({ id: mini.number(), name: mini.optional(mini.string()) }));
    expectTypeOf<mini.infer<typeof schema>>().toEqualTypeOf<{ id: number; name?: string | undefined }>();
  });
});
