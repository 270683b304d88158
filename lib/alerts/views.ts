/**
 * What the alerts' messages carry between the background and the pages (lib/messaging/protocol.ts
 * names these): already worded in the user's language by the background, so the pages show them as
 * they come. Lazy like every schema of the protocol.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { MAX_SNOOZE_DAYS, NOTIFICATION_KINDS } from './settings';

const orderId = lazySchema(() => z.number().check(z.int(), z.positive()));

export const needsYouListSchema = lazySchema(() =>
  z.object({
    items: z.array(
      z.object({
        kind: z.enum(['open-submission', 'renew', 'validate-domain', 'check-validation']),
        orderId: z.optional(orderId),
        submissionId: z.optional(z.string()),
        domain: z.optional(z.string()),
        message: z.string(),
        action: z.string(),
        /** The settings page's view the action opens (its URL hash). */
        // Only the settings page's own views (show.ts): the popup opens it, never another address.
        target: z.string().check(z.regex(/^#(?:orders|renew=\d+(?:,\d+)*|order-\d+)$/)),
        snoozed: z.boolean(),
      }),
    ),
    count: z.number().check(z.int(), z.nonnegative()),
    checkedAt: z.optional(z.string()),
  }),
);

const notifySchema = lazySchema(() =>
  z.object(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<
      (typeof NOTIFICATION_KINDS)[number],
      z.ZodMiniBoolean
    >,
  ),
);

export const alertSettingsViewSchema = lazySchema(() =>
  z.object({
    thresholds: z.array(z.number()),
    notify: notifySchema,
    stuckDays: z.number(),
    /** Snoozed orders, the soonest to wake first. */
    snoozed: z.array(z.object({ orderId, until: z.string() })),
    /** The last complete daily check. */
    checkedAt: z.optional(z.string()),
  }),
);

export const saveAlertSettingsDataSchema = lazySchema(() =>
  z.object({
    /** As typed: "30, 14, 7, 1" (settings.ts checkThresholds). */
    thresholds: z.string().check(z.maxLength(500)),
    stuckDays: z.string().check(z.maxLength(50)),
    notify: z.partial(notifySchema),
  }),
);

export const saveAlertSettingsReplySchema = lazySchema(() =>
  z.discriminatedUnion('saved', [
    z.object({ saved: z.literal(true), settings: alertSettingsViewSchema }),
    z.object({
      saved: z.literal(false),
      /** Every problem, each for its field: nothing was written. */
      errors: z.array(
        z.object({ field: z.enum(['thresholds', 'stuckDays', 'snoozed']), message: z.string() }),
      ),
    }),
  ]),
);

export const snoozeDataSchema = lazySchema(() =>
  z.object({ orderId, days: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_SNOOZE_DAYS)) }),
);
export const unsnoozeDataSchema = lazySchema(() => z.object({ orderId }));

export const snoozeReplySchema = lazySchema(() =>
  z.object({ settings: alertSettingsViewSchema, needsYou: needsYouListSchema }),
);

export const alertCheckSchema = lazySchema(() =>
  z.object({
    /** Every page of the account's orders was read. */
    complete: z.boolean(),
    ordersRead: z.number(),
    /** Reminders shown by this check. */
    notified: z.number(),
    /** Certificates past a reminder day with no renewal on its way. */
    needRenewal: z.number(),
    checkedAt: z.optional(z.string()),
  }),
);

export type NeedsYouListView = z.infer<typeof needsYouListSchema>;
export type AlertSettingsView = z.infer<typeof alertSettingsViewSchema>;
export type SaveAlertSettingsReply = z.infer<typeof saveAlertSettingsReplySchema>;
export type AlertCheckView = z.infer<typeof alertCheckSchema>;
