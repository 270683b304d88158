/**
 * The shapes of lib/validation's snapshot and of what its messages answer, with nothing else in the
 * module: lib/messaging/protocol.ts builds its reply schemas from these, and a page loading the
 * protocol should not load the store or the API calls with it.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { userErrorSchema } from '../messaging/views';

export const snapshotDomainSchema = lazySchema(() =>
  z.object({
    /** name_scope, else the first name, else `#<domain_id>` (certcentral/validation-reading.ts domainLabel). */
    name: z.string(),
    domainId: z.optional(z.string()),
    /** As CertCentral names it (a method without instructions here is kept as sent). */
    method: z.string(),
    status: z.string(),
    validated: z.boolean(),
    dnsNames: z.array(z.string()),
    /**
     * Email method: who DigiCert writes to (GET /domain/{id}/dcv/emails, lib/certcentral/dcv-emails.ts);
     * absent when not read. Added within version 1: a record without it reads as before.
     */
    emails: z.optional(
      z.array(z.object({ address: z.string(), source: z.enum(['dns-txt', 'constructed', 'whois']) })),
    ),
  }),
);

export const snapshotTokenSchema = lazySchema(() =>
  z.object({
    value: z.string(),
    /** `expiration_date` as CertCentral sent it; absent when it sent none. */
    expiresAt: z.optional(z.string()),
    /** The method the value was given for: a method change makes the value stale. */
    method: z.string(),
  }),
);

export const snapshotOrganizationSchema = lazySchema(() =>
  z.object({
    type: z.string(),
    status: z.string(),
    done: z.boolean(),
    dateCreated: z.optional(z.string()),
    validatedUntil: z.optional(z.string()),
  }),
);

export const snapshotApproverSchema = lazySchema(() =>
  z.object({
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    status: z.string(),
    done: z.boolean(),
  }),
);

export const validationSnapshotSchema = lazySchema(() =>
  z.object({
    orderId: z.number().check(z.int(), z.positive()),
    /** When GET …/validation was answered (ISO instant). */
    readAt: z.string(),
    orderStatus: z.optional(z.string()),
    dcvMethod: z.optional(z.string()),
    domains: z.array(snapshotDomainSchema),
    organization: z.array(snapshotOrganizationSchema),
    approvers: z.array(snapshotApproverSchema),
    token: z.optional(snapshotTokenSchema),
    /** Entries CertCentral sent that could not be read: the order may wait on more than is listed. */
    unreadable: z.number().check(z.int(), z.nonnegative()),
  }),
);
export type ValidationSnapshot = z.infer<typeof validationSnapshotSchema>;
export type SnapshotDomain = ValidationSnapshot['domains'][number];
export type SnapshotToken = NonNullable<ValidationSnapshot['token']>;

/** What an action found, as data: the UI words it (components/validation). */
export const validationOutcomeSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('read') }),
    /** check-dcv answered: the domains it lists as validated and as still pending. */
    z.object({
      kind: z.literal('checked'),
      validated: z.array(z.string()),
      pending: z.array(z.string()),
      dcvStatus: z.optional(z.string()),
    }),
    /** check-dcv: DigiCert looked and did not find the value (a 400 it documents for this). */
    z.object({ kind: z.literal('value-not-found'), message: z.string() }),
    /** dcv-random-value answered; `changed`: it differs from the value known before. */
    z.object({ kind: z.literal('token'), token: snapshotTokenSchema, changed: z.boolean() }),
    z.object({ kind: z.literal('method-changed'), method: z.string() }),
    z.object({ kind: z.literal('emails-resent') }),
  ]),
);
export type ValidationOutcome = z.infer<typeof validationOutcomeSchema>;

/** The reply of every validation message: the state (none known yet: null), what happened, and a failed read. */
export const validationViewSchema = lazySchema(() =>
  z.object({
    snapshot: z.nullable(validationSnapshotSchema),
    outcome: validationOutcomeSchema,
    /** The action was done, but reading the state after it failed: the snapshot is the older one. */
    readError: z.optional(userErrorSchema),
  }),
);
export type ValidationView = z.infer<typeof validationViewSchema>;
