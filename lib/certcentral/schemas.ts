// Building blocks shared by the resource modules: a tolerant reader of CertCentral's answers.
// - Every object is loose: unknown fields are kept, never a reason to fail (fields come and go).
// - Only what the extension cannot act without is required (ids, an order's status); every other
//   field accepts absence and `null`, since real answers carry `null` where the docs show a value
//   (`assumed_name`, `renewed_order_id`, `alternative_order_id`: docs/certcentral-api.md).
// - A list may leave its array out when it is empty (a real `GET /order/certificate` with no match
//   answered `{"page":{...}}` only), and one item that cannot be read never discards the others.
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { issuePath } from './transport-util';

/**
 * An optional field: absent, `null` or a valid value. `null` comes out as `undefined`, so the rest of
 * the code has one way to say "not given".
 */
export function opt<T extends z.core.$ZodType>(schema: T) {
  return z.optional(
    z.pipe(
      z.optional(z.nullable(schema)),
      z.transform((value: z.output<T> | null | undefined): z.output<T> | undefined => value ?? undefined),
    ),
  );
}

/** A list item that could not be read: where it was, its id if it had one, and why. */
export interface UnreadableItem {
  index: number;
  id?: number | string;
  reason: string;
}
export interface ReadList<T> {
  items: T[];
  unreadable: UnreadableItem[];
}

/** The item schema of every tolerant list, so tests can walk into lists (schemas.test.ts). */
export const listItemSchemas = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

function idOf(item: unknown): number | string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  for (const key of ['id', 'order_id', 'name_id']) {
    const value = Object.hasOwn(record, key) ? record[key] : undefined;
    if (typeof value === 'number' || (typeof value === 'string' && value.length <= 64)) return value;
  }
  return undefined;
}

function unreadableReason(error: z.core.$ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${issuePath(i.path)}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * A list field read item by item: missing or `null` is an empty list; an item that fails its schema
 * is set aside with the reason (and its id, when it has one) instead of failing the whole answer.
 */
export function listOf<T extends z.core.$ZodType>(item: T) {
  const read = (raw: unknown[] | null | undefined): ReadList<z.output<T>> => {
    const out: ReadList<z.output<T>> = { items: [], unreadable: [] };
    (raw ?? []).forEach((value, index) => {
      const parsed = z.safeParse(item, value);
      if (parsed.success) out.items.push(parsed.data);
      else {
        const id = idOf(value);
        out.unreadable.push({
          index,
          ...(id !== undefined ? { id } : {}),
          reason: unreadableReason(parsed.error),
        });
      }
    });
    return out;
  };
  const schema = z.pipe(
    z.optional(z.pipe(z.optional(z.nullable(z.array(z.unknown()))), z.transform(read))),
    z.transform(
      (list: ReadList<z.output<T>> | undefined): ReadList<z.output<T>> =>
        list ?? { items: [], unreadable: [] },
    ),
  );
  listItemSchemas.set(schema, item);
  return schema;
}

/** A list of strings (dns_names, organization_units): anything that is not a string is dropped. */
export const StringListSchema = lazySchema(() =>
  opt(
    z.pipe(
      z.array(z.unknown()),
      z.transform((list: unknown[]) => list.filter((v): v is string => typeof v === 'string')),
    ),
  ),
);

/** `{id, name}` as used by container, access_roles, server_platforms, ... */
export const IdNameSchema = lazySchema(() => z.looseObject({ id: z.number(), name: opt(z.string()) }));
export type IdName = z.infer<typeof IdNameSchema>;

/** `{id, name?}`: references where only the id is certain. */
export const IdRefSchema = IdNameSchema;
export type IdRef = IdName;

/** `page{total,limit,offset}` of list endpoints (docs/certcentral-api.md "list orders"); paging copes without any of them. */
export const PageSchema = lazySchema(() =>
  z.looseObject({
    total: opt(z.number()),
    limit: opt(z.number()),
    offset: opt(z.number()),
  }),
);
export type Page = z.infer<typeof PageSchema>;

/** A person as embedded in orders and organizations (contacts, approvers, users). */
export const PersonSchema = lazySchema(() =>
  z.looseObject({
    id: opt(z.number()),
    first_name: opt(z.string()),
    last_name: opt(z.string()),
    email: opt(z.string()),
    telephone: opt(z.string()),
    job_title: opt(z.string()),
  }),
);
export type Person = z.infer<typeof PersonSchema>;

/**
 * Order statuses listed in docs/certcentral-api.md ("list orders"); the recorded orders also show `approved`.
 * The schema accepts any string so a status DigiCert adds later does not break a whole list.
 */
export const KNOWN_ORDER_STATUSES = [
  'pending',
  'issued',
  'rejected',
  'revoked',
  'waiting_pickup',
  'reissue_pending',
  'canceled',
  'needs_approval',
  'approved',
] as const;
export type KnownOrderStatus = (typeof KNOWN_ORDER_STATUSES)[number];
// `string & {}` keeps editor completion for the known values while accepting others.
export type OrderStatus = KnownOrderStatus | (string & {});
export const OrderStatusSchema: z.ZodMiniType<OrderStatus> = lazySchema(() => z.string());

export function isKnownOrderStatus(status: string): status is KnownOrderStatus {
  return (KNOWN_ORDER_STATUSES as readonly string[]).includes(status);
}
