// Building blocks shared by the resource modules. Every object is `z.looseObject`: the recorded
// responses (recorded/README.md) say "fields come and go", so unknown fields must never fail a
// parse; only fields the extension relies on are required.
import { z } from 'zod';

/** `{id, name}` as used by container, access_roles, server_platforms, ... */
export const IdNameSchema = z.looseObject({ id: z.number(), name: z.string() });
export type IdName = z.infer<typeof IdNameSchema>;

/** `{id, name?}`: references where only the id is certain. */
export const IdRefSchema = z.looseObject({ id: z.number(), name: z.string().optional() });
export type IdRef = z.infer<typeof IdRefSchema>;

/** `page{total,limit,offset}` of list endpoints (md "list orders"). */
export const PageSchema = z.looseObject({ total: z.number(), limit: z.number(), offset: z.number() });
export type Page = z.infer<typeof PageSchema>;

/** A person as embedded in orders and organizations (contacts, approvers, users). */
export const PersonSchema = z.looseObject({
  id: z.number().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  email: z.string().optional(),
  telephone: z.string().optional(),
  job_title: z.string().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/**
 * Order statuses listed in the md ("list orders"); the recorded orders also show `approved`.
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
export const OrderStatusSchema: z.ZodType<OrderStatus> = z.string();

export function isKnownOrderStatus(status: string): status is KnownOrderStatus {
  return (KNOWN_ORDER_STATUSES as readonly string[]).includes(status);
}
