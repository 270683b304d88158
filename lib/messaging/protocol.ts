/**
 * The protocol's schemas: each message's payload, its reply, and who may send it (lib/messaging/
 * has the rest of the protocol, and is what the extension's code imports). A module of its own so
 * that zod stays out of a page until its first reply is parsed: lib/messaging/ loads this with
 * import() while the message travels, and the background when its first message arrives.
 */
import { z } from 'zod/mini';
import {
  alertCheckSchema,
  alertSettingsViewSchema,
  needsYouListSchema,
  saveAlertSettingsDataSchema,
  saveAlertSettingsReplySchema,
  snoozeDataSchema,
  snoozeReplySchema,
  unsnoozeDataSchema,
} from '../alerts/views';
import { lazySchema } from '../lazy-schema';
import { regionSchema } from '../settings/preferences';
import { teamOrdersSchema } from '../team/views';
import { KNOWN_DCV_METHODS } from '../validation/methods';
import { validationViewSchema } from '../validation/schemas';
import type { SenderPolicy } from './index';
import {
  accountChoicesSchema,
  bulkRenewalSchema,
  certificateFormatSchema,
  connectionSchema,
  idleMinutesSchema,
  organizationViewSchema,
  passphraseSchema,
  problemSchema,
  productDetailsSchema,
  renewalCandidateSchema,
  settingsViewSchema,
  submissionsSchema,
  submissionViewSchema,
  unreadableItemSchema,
  userErrorSchema,
} from './views';

/**
 * No payload. Lazy like every schema here: this module is evaluated when the background's first
 * message arrives, and each schema built up front would delay that message's answer.
 */
const noData = lazySchema(() => z.void());

/** A CertCentral order number. */
const orderIdSchema = lazySchema(() => z.number().check(z.int(), z.positive()));

/** A reply: the value, or a failure in words. */
function reply<T extends z.ZodMiniType>(value: T) {
  return lazySchema(() =>
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value }),
      z.object({ ok: z.literal(false), error: userErrorSchema }),
    ]),
  );
}

export const protocol = {
  getSettings: { from: 'extension-page', data: noData, reply: reply(settingsViewSchema) },
  saveApiKey: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ apiKey: z.string().check(z.maxLength(4096)), region: regionSchema })),
    reply: reply(settingsViewSchema),
  },
  removeApiKey: { from: 'extension-page', data: noData, reply: reply(settingsViewSchema) },
  setRegion: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ region: regionSchema })),
    reply: reply(settingsViewSchema),
  },
  testConnection: { from: 'extension-page', data: noData, reply: reply(connectionSchema) },
  protectApiKey: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ passphrase: passphraseSchema, idleMinutes: idleMinutesSchema })),
    reply: reply(settingsViewSchema),
  },
  unlockApiKey: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ passphrase: passphraseSchema })),
    reply: reply(settingsViewSchema),
  },
  lockApiKey: { from: 'extension-page', data: noData, reply: reply(settingsViewSchema) },
  unprotectApiKey: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ passphrase: passphraseSchema })),
    reply: reply(settingsViewSchema),
  },
  submitOrder: {
    from: 'extension-page',
    data: lazySchema(() =>
      z.object({
        product: z.string().check(z.maxLength(64)),
        request: z.record(z.string(), z.unknown()),
        template: z.optional(z.object({ id: z.string(), name: z.string() })),
        renewal: z.optional(z.boolean()),
        /** The popup draft: the same draft places one order, however many windows send it. */
        draftId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      }),
    ),
    reply: reply(
      lazySchema(() =>
        z.discriminatedUnion('accepted', [
          z.object({
            accepted: z.literal(true),
            submission: submissionViewSchema,
            warnings: z.array(problemSchema),
            /** The draft was placed before (another window): this is that submission, nothing new. */
            alreadySent: z.optional(z.boolean()),
          }),
          z.object({
            accepted: z.literal(false),
            problems: z.array(problemSchema),
            warnings: z.array(problemSchema),
          }),
        ]),
      ),
    ),
  },
  listSubmissions: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ refresh: z.optional(z.boolean()) })),
    reply: reply(submissionsSchema),
  },
  checkSubmissionAgain: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ id: z.string() })),
    reply: reply(submissionViewSchema),
  },
  cancelSubmittedOrder: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ id: z.string() })),
    reply: reply(submissionViewSchema),
  },
  acknowledgeSubmission: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ id: z.string() })),
    reply: reply(submissionViewSchema),
  },
  exportHistory: {
    from: 'extension-page',
    data: noData,
    reply: reply(lazySchema(() => z.object({ filename: z.string(), json: z.string() }))),
  },
  downloadCertificate: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ id: z.string(), format: certificateFormatSchema })),
    reply: reply(lazySchema(() => z.object({ filename: z.string(), text: z.string(), mime: z.string() }))),
  },
  getAccountChoices: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ refresh: z.optional(z.boolean()) })),
    reply: reply(accountChoicesSchema),
  },
  getOrganizationDetails: {
    from: 'extension-page',
    data: lazySchema(() =>
      z.object({ id: z.number().check(z.int(), z.positive()), refresh: z.optional(z.boolean()) }),
    ),
    reply: reply(organizationViewSchema),
  },
  getProductDetails: {
    from: 'extension-page',
    data: lazySchema(() =>
      z.object({ nameId: z.string().check(z.maxLength(64)), refresh: z.optional(z.boolean()) }),
    ),
    reply: reply(productDetailsSchema),
  },
  getPageRenewals: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ tabId: z.number().check(z.int(), z.nonnegative()) })),
    reply: reply(
      lazySchema(() =>
        z.object({
          orders: z.array(renewalCandidateSchema),
          /** Ids the page suggested that the API did not confirm (not found, no access), with why. */
          unconfirmed: z.array(z.object({ orderId: z.number(), reason: z.string() })),
        }),
      ),
    ),
  },
  listExpiringOrders: {
    from: 'extension-page',
    data: lazySchema(() =>
      z.object({
        withinDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
        productNameId: z.optional(z.string()),
        organizationId: z.optional(z.number()),
        containerId: z.optional(z.number()),
      }),
    ),
    reply: reply(
      lazySchema(() =>
        z.object({
          orders: z.array(renewalCandidateSchema),
          unreadable: z.optional(z.array(unreadableItemSchema)),
        }),
      ),
    ),
  },
  reissueOrder: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ orderId: z.number(), csr: z.string().check(z.maxLength(65_536)) })),
    reply: reply(lazySchema(() => z.object({ orderId: z.number(), requestId: z.optional(z.number()) }))),
  },
  startBulkRenewal: {
    from: 'extension-page',
    data: lazySchema(() =>
      z.object({
        templateId: z.string(),
        orderIds: z.array(z.number()).check(z.minLength(1), z.maxLength(1000)),
      }),
    ),
    reply: reply(bulkRenewalSchema),
  },
  getBulkRenewal: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ runId: z.string() })),
    reply: reply(bulkRenewalSchema),
  },
  pauseBulkRenewal: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ runId: z.string(), paused: z.boolean() })),
    reply: reply(bulkRenewalSchema),
  },
  // Validation follow-through of a placed order (lib/validation/handlers.ts): each answers the
  // state read from CertCentral after it, with what happened; a refused action is a failure in words.
  getValidation: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ orderId: orderIdSchema, refresh: z.optional(z.boolean()) })),
    reply: reply(validationViewSchema),
  },
  checkDcv: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ orderId: orderIdSchema })),
    reply: reply(validationViewSchema),
  },
  newDcvToken: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ orderId: orderIdSchema })),
    reply: reply(validationViewSchema),
  },
  changeDcvMethod: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ orderId: orderIdSchema, method: z.enum(KNOWN_DCV_METHODS) })),
    reply: reply(validationViewSchema),
  },
  resendDcvEmails: {
    from: 'extension-page',
    data: lazySchema(() => z.object({ orderId: orderIdSchema })),
    reply: reply(validationViewSchema),
  },
  /** The account's recent orders, whoever placed them (lib/team/read.ts), marked where this browser placed them. */
  listTeamOrders: { from: 'extension-page', data: noData, reply: reply(teamOrdersSchema) },
  /** "Check now": the daily expiry check at once (lib/alerts/daily.ts); what it found. */
  runAlertCheck: { from: 'extension-page', data: noData, reply: reply(alertCheckSchema) },
  /** The popup's "Needs you" list, worded, with the badge's count. */
  getNeedsYou: { from: 'extension-page', data: noData, reply: reply(needsYouListSchema) },
  getAlertSettings: { from: 'extension-page', data: noData, reply: reply(alertSettingsViewSchema) },
  /** Saved whole or not at all: a refusal names each field's problem and changes nothing. */
  saveAlertSettings: {
    from: 'extension-page',
    data: saveAlertSettingsDataSchema,
    reply: reply(saveAlertSettingsReplySchema),
  },
  snoozeOrder: { from: 'extension-page', data: snoozeDataSchema, reply: reply(snoozeReplySchema) },
  unsnoozeOrder: { from: 'extension-page', data: unsnoozeDataSchema, reply: reply(snoozeReplySchema) },
  reportPageOrders: {
    from: 'content-script',
    // No URL: the page it comes from is what the browser says the sender is, never what it claims.
    // (An older content script's `url` is dropped by the parse: objects keep known keys only.)
    data: lazySchema(() =>
      z.object({
        orderIds: z.array(z.number().check(z.int(), z.positive())).check(z.maxLength(5000)),
      }),
    ),
    reply: z.void(),
  },
} as const satisfies Record<string, { from: SenderPolicy; data: z.ZodMiniType; reply: z.ZodMiniType }>;
