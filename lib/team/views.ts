/**
 * What the "Team's recent orders" message carries between the background and the settings page
 * (lib/messaging/protocol.ts names these): worded in the user's language by the background, so the
 * page shows them as they come. Lazy like every schema of the protocol.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { unreadableItemSchema } from '../messaging/views';

/**
 * Who placed an order: this browser (its own outbox placed it), a person CertCentral names, nobody
 * CertCentral names (`unknown`), or not looked up (past the bound of order details read per refresh).
 */
export const placerSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('this-browser') }),
    z.object({ kind: z.literal('person'), name: z.string(), email: z.optional(z.string()) }),
    z.object({ kind: z.literal('unknown') }),
    z.object({ kind: z.literal('not-checked') }),
  ]),
);
export type Placer = z.infer<typeof placerSchema>;

export const teamOrderSchema = lazySchema(() =>
  z.object({
    orderId: z.number().check(z.int(), z.positive()),
    commonName: z.optional(z.string()),
    productName: z.optional(z.string()),
    /** CertCentral's word, as sent. */
    status: z.string(),
    statusWord: z.enum(['done', 'waiting', 'ended']),
    statusLabel: z.string(),
    /** When it was placed (`date_created`), as CertCentral sent it. */
    placedAt: z.optional(z.string()),
    placedBy: placerSchema,
    consoleUrl: z.optional(z.string()),
  }),
);
export type TeamOrder = z.infer<typeof teamOrderSchema>;

export const teamOrdersSchema = lazySchema(() =>
  z.object({
    orders: z.array(teamOrderSchema),
    /** The window shown: orders placed in the last `days` days, at most `limit` of them. */
    days: z.number(),
    limit: z.number(),
    /** CertCentral has more orders in the window than the `limit` read. */
    more: z.boolean(),
    /** Rows of the list that could not be read, named with why. */
    unreadable: z.array(unreadableItemSchema),
    /** Orders whose details could not be read, so who placed them is not known. */
    detailsUnread: z.number(),
    checkedAt: z.string(),
  }),
);
export type TeamOrders = z.infer<typeof teamOrdersSchema>;
