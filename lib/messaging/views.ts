/**
 * What the extension's pages see: the shapes of the background's replies (settings, connection,
 * submissions, account choices, renewals), as zod/mini schemas. The protocol itself is lib/messaging/.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { regionSchema } from '../settings/preferences';
import { PASSPHRASE_MIN } from './index';

/** A failure said in words a certificate administrator can act on. Never contains the API key. */
export const userErrorSchema = lazySchema(() =>
  z.object({
    title: z.string(),
    detail: z.optional(z.string()),
    code: z.optional(z.string()),
    status: z.optional(z.number()),
  }),
);
export type UserError = z.infer<typeof userErrorSchema>;

export const apiKeyStatusSchema = lazySchema(() =>
  z.discriminatedUnion('state', [
    z.object({ state: z.literal('missing') }),
    // `protected`: a passphrase guards the key on disk; it is unlocked now (usable until idle).
    z.object({
      state: z.literal('saved'),
      hint: z.string(),
      savedAt: z.string(),
      protected: z.optional(z.boolean()),
    }),
    // Protected and not unlocked: nothing can reach CertCentral until the user types the passphrase.
    z.object({ state: z.literal('locked'), hint: z.string(), savedAt: z.string() }),
    z.object({ state: z.literal('unreadable'), reason: z.string() }),
  ]),
);

/** The lock's passphrase: long enough to resist offline guessing, bounded so a page cannot flood PBKDF2. */
export const passphraseSchema = lazySchema(() =>
  z.string().check(z.minLength(PASSPHRASE_MIN), z.maxLength(1024)),
);
/** Minutes without use after which an unlocked key is locked again (1 minute to 24 hours). */
export const idleMinutesSchema = lazySchema(() => z.number().check(z.int(), z.minimum(1), z.maximum(1440)));

const roleSchema = lazySchema(() => z.object({ id: z.number(), name: z.string() }));

/** The last connection test, as the user sees it: who the key belongs to, or why it failed. */
export const connectionSchema = lazySchema(() =>
  z.discriminatedUnion('state', [
    z.object({
      state: z.literal('connected'),
      checkedAt: z.string(),
      region: regionSchema,
      user: z.object({ id: z.number(), name: z.string(), username: z.string(), email: z.string() }),
      // Optional since CertCentral's answer may leave them out; records saved before always have them.
      accountId: z.optional(z.number()),
      container: z.optional(z.object({ id: z.number(), name: z.string() })),
      roles: z.array(roleSchema),
      /** Set when the key cannot place orders (e.g. a View Only key), with the reason in words. */
      orderingBlocked: z.optional(z.string()),
    }),
    z.object({
      state: z.literal('failed'),
      checkedAt: z.string(),
      region: regionSchema,
      error: userErrorSchema,
    }),
  ]),
);
export type Connection = z.infer<typeof connectionSchema>;

export const settingsViewSchema = lazySchema(() =>
  z.object({
    apiKey: apiKeyStatusSchema,
    region: regionSchema,
    /** Set when the organization's policy sets the region (lib/policy): the person cannot change it. */
    regionManaged: z.optional(z.boolean()),
    /** How long an unlocked key stays usable without use (the preference, also when no lock is set). */
    idleMinutes: idleMinutesSchema,
    connection: z.nullable(connectionSchema),
    /**
     * Set when the region was shown from the policy last seen, the browser not having answered for
     * its policy yet (right after it starts): the page asks again once it has.
     */
    policyLastSeen: z.optional(z.boolean()),
  }),
);
export type SettingsView = z.infer<typeof settingsViewSchema>;

const apiMessageSchema = lazySchema(() => z.object({ code: z.string(), message: z.string() }));

/** One submission as the pages show it (built by lib/outbox/view.ts in the background). */
export const submissionViewSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    product: z.string(),
    productName: z.string(),
    commonName: z.string(),
    templateName: z.optional(z.string()),
    state: z.enum(['queued', 'sending', 'placed', 'unknown', 'reconciling', 'failed']),
    statusWord: z.enum(['queued', 'sending', 'checking', 'unsure', 'waiting', 'done', 'ended', 'failed']),
    statusLabel: z.string(),
    orderId: z.optional(z.number()),
    requestId: z.optional(z.number()),
    orderStatus: z.optional(z.string()),
    note: z.optional(z.string()),
    /** Not sent (or its own order canceled) because another renewal of the same order came first. */
    renewedElsewhere: z.optional(z.boolean()),
    messages: z.array(apiMessageSchema),
    duplicates: z.array(z.object({ orderId: z.number(), outcome: z.string(), detail: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    placedAt: z.optional(z.string()),
    consoleUrl: z.optional(z.string()),
    attention: z.boolean(),
    canCancel: z.boolean(),
    canCheckAgain: z.boolean(),
    canDownload: z.boolean(),
    timeline: z.array(z.object({ at: z.string(), state: z.string(), note: z.optional(z.string()) })),
  }),
);
export type SubmissionView = z.infer<typeof submissionViewSchema>;

export const problemSchema = lazySchema(() =>
  z.object({ path: z.string(), code: z.string(), message: z.string() }),
);
export type OrderProblem = z.infer<typeof problemSchema>;

export const submissionsSchema = lazySchema(() =>
  z.object({
    submissions: z.array(submissionViewSchema),
    attention: z.number(),
  }),
);
export type SubmissionList = z.infer<typeof submissionsSchema>;

export const certificateFormatSchema = lazySchema(() => z.enum(['pem_all', 'pem_noroot', 'p7b']));
export type CertificateFormat = z.infer<typeof certificateFormatSchema>;

/** An item CertCentral listed but the extension could not read: named as well as it can be, and why. */
export const unreadableItemSchema = lazySchema(() => z.object({ label: z.string(), reason: z.string() }));
export type UnreadableItemView = z.infer<typeof unreadableItemSchema>;

function choiceList<T extends z.ZodMiniType>(item: T) {
  return z.union([
    z.object({ items: z.array(item), unreadable: z.optional(z.array(unreadableItemSchema)) }),
    z.object({ error: userErrorSchema }),
  ]);
}

const personSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    email: z.optional(z.string()),
    jobTitle: z.optional(z.string()),
  }),
);

/** One validation of an organization as CertCentral states it (type ov/ev/…, status active/pending/expired). */
export const organizationValidationViewSchema = lazySchema(() =>
  z.object({
    type: z.string(),
    status: z.string(),
    validatedUntil: z.optional(z.string()),
    dateCreated: z.optional(z.string()),
  }),
);
export type OrganizationValidationView = z.infer<typeof organizationValidationViewSchema>;

/**
 * An organization for the editor and the review. `validations` and `evApprovers` are left out when
 * CertCentral did not give them (then the extension asks for the one organization), which is not
 * the same as "none".
 */
export const organizationViewSchema = lazySchema(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    active: z.boolean(),
    validations: z.optional(z.array(organizationValidationViewSchema)),
    evApprovers: z.optional(z.array(personSchema)),
  }),
);
export type OrganizationView = z.infer<typeof organizationViewSchema>;

/** What the account offers the template editor, each list on its own (a restricted key may see some). */
export const accountChoicesSchema = lazySchema(() =>
  z.object({
    fetchedAt: z.string(),
    products: choiceList(z.object({ nameId: z.string(), name: z.string() })),
    organizations: choiceList(organizationViewSchema),
    containers: choiceList(z.object({ id: z.number(), name: z.string(), parentId: z.optional(z.number()) })),
    users: choiceList(personSchema),
    customFields: choiceList(
      z.object({
        id: z.number(),
        label: z.string(),
        required: z.boolean(),
        active: z.boolean(),
        dataType: z.string(),
      }),
    ),
  }),
);
export type AccountChoices = z.infer<typeof accountChoicesSchema>;

export const productDetailsSchema = lazySchema(() =>
  z.object({
    nameId: z.string(),
    name: z.string(),
    orderValidityYears: z.optional(z.array(z.number())),
    hashes: z.array(z.object({ id: z.string(), name: z.string() })),
    defaultHash: z.optional(z.string()),
    serverPlatforms: z.array(z.object({ id: z.number(), name: z.string() })),
    caCerts: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
);
export type ProductDetailsView = z.infer<typeof productDetailsSchema>;

/** Something to know before renewing: it may cost money for nothing, or repeat an order. */
const renewalGuardSchema = lazySchema(() =>
  z.object({
    kind: z.enum(['reissue-instead', 'already-renewed', 'renewal-in-progress', 'not-renewable']),
    message: z.string(),
  }),
);

/** An order confirmed through the API (a page can only suggest an id), as a renewal starts from it. */
export const renewalCandidateSchema = lazySchema(() =>
  z.object({
    orderId: z.number(),
    commonName: z.string(),
    dnsNames: z.array(z.string()),
    product: z.object({ nameId: z.string(), name: z.string() }),
    organization: z.object({ id: z.optional(z.number()), name: z.string() }),
    container: z.optional(z.object({ id: z.number(), name: z.string() })),
    status: z.string(),
    validTill: z.optional(z.string()),
    daysRemaining: z.optional(z.number()),
    /** The end of a Multi-year Plan's coverage, when the order says it. */
    orderValidTill: z.optional(z.string()),
    isRenewed: z.boolean(),
    /** The previous certificate's CSR is available for reuse (bulk renewal may use it). */
    csrAvailable: z.boolean(),
    guards: z.array(renewalGuardSchema),
    /** Values for template fields whose source is "from the renewed order", by field path. */
    renewalValues: z.record(z.string(), z.json()),
  }),
);
export type RenewalCandidate = z.infer<typeof renewalCandidateSchema>;

const bulkItemSchema = lazySchema(() =>
  z.object({
    orderId: z.number(),
    commonName: z.string(),
    state: z.enum(['waiting', 'submitting', 'submitted', 'skipped', 'failed']),
    submissionId: z.optional(z.string()),
    message: z.optional(z.string()),
  }),
);
export const bulkRenewalSchema = lazySchema(() =>
  z.object({
    runId: z.string(),
    templateName: z.string(),
    startedAt: z.string(),
    finishedAt: z.optional(z.string()),
    paused: z.boolean(),
    items: z.array(bulkItemSchema),
  }),
);
export type BulkRenewal = z.infer<typeof bulkRenewalSchema>;
