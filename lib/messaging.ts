/**
 * The one message protocol between the extension's contexts.
 *
 * Every message names its payload schema, its reply schema and who may send it. The background
 * parses each payload where it arrives and checks the sender before acting; extension pages
 * parse each reply. The content script imports only the *types* from here (no zod at run time).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { regionSchema } from './settings/preferences';

/** A failure said in words a certificate administrator can act on. Never contains the API key. */
export const userErrorSchema = z.object({
  title: z.string(),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
  status: z.optional(z.number()),
});
export type UserError = z.infer<typeof userErrorSchema>;

function reply<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: userErrorSchema }),
  ]);
}

export const apiKeyStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('missing') }),
  z.object({ state: z.literal('saved'), hint: z.string(), savedAt: z.string() }),
  z.object({ state: z.literal('unreadable'), reason: z.string() }),
]);

const roleSchema = z.object({ id: z.number(), name: z.string() });

/** The last connection test, as the user sees it: who the key belongs to, or why it failed. */
export const connectionSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('connected'),
    checkedAt: z.string(),
    region: regionSchema,
    user: z.object({ id: z.number(), name: z.string(), username: z.string(), email: z.string() }),
    accountId: z.number(),
    container: z.object({ id: z.number(), name: z.string() }),
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
]);
export type Connection = z.infer<typeof connectionSchema>;

export const settingsViewSchema = z.object({
  apiKey: apiKeyStatusSchema,
  region: regionSchema,
  connection: z.nullable(connectionSchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

const apiMessageSchema = z.object({ code: z.string(), message: z.string() });

/** One submission as the pages show it (built by lib/history/view.ts in the background). */
export const submissionViewSchema = z.object({
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
});
export type SubmissionView = z.infer<typeof submissionViewSchema>;

const problemSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type OrderProblem = z.infer<typeof problemSchema>;

const submissionsSchema = z.object({ submissions: z.array(submissionViewSchema), attention: z.number() });
export type SubmissionList = z.infer<typeof submissionsSchema>;

const certificateFormatSchema = z.enum(['pem_all', 'pem_noroot', 'p7b']);
export type CertificateFormat = z.infer<typeof certificateFormatSchema>;

function choiceList<T extends z.ZodMiniType>(item: T) {
  return z.union([z.object({ items: z.array(item) }), z.object({ error: userErrorSchema })]);
}

const personSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.optional(z.string()),
  jobTitle: z.optional(z.string()),
});

/** What the account offers the template editor, each list on its own (a restricted key may see some). */
export const accountChoicesSchema = z.object({
  fetchedAt: z.string(),
  products: choiceList(z.object({ nameId: z.string(), name: z.string() })),
  organizations: choiceList(
    z.object({
      id: z.number(),
      name: z.string(),
      active: z.boolean(),
      evValidated: z.optional(z.boolean()),
      evApprovers: z.array(personSchema),
    }),
  ),
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
});
export type AccountChoices = z.infer<typeof accountChoicesSchema>;

export const productDetailsSchema = z.object({
  nameId: z.string(),
  name: z.string(),
  orderValidityYears: z.optional(z.array(z.number())),
  hashes: z.array(z.object({ id: z.string(), name: z.string() })),
  defaultHash: z.optional(z.string()),
  serverPlatforms: z.array(z.object({ id: z.number(), name: z.string() })),
  caCerts: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ProductDetailsView = z.infer<typeof productDetailsSchema>;

/** Something to know before renewing: it may cost money for nothing, or repeat an order. */
const renewalGuardSchema = z.object({
  kind: z.enum(['reissue-instead', 'already-renewed', 'renewal-in-progress', 'not-renewable']),
  message: z.string(),
});

/** An order confirmed through the API (a page can only suggest an id), as a renewal starts from it. */
export const renewalCandidateSchema = z.object({
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
});
export type RenewalCandidate = z.infer<typeof renewalCandidateSchema>;

const bulkItemSchema = z.object({
  orderId: z.number(),
  commonName: z.string(),
  state: z.enum(['waiting', 'submitting', 'submitted', 'skipped', 'failed']),
  submissionId: z.optional(z.string()),
  message: z.optional(z.string()),
});
export const bulkRenewalSchema = z.object({
  runId: z.string(),
  templateName: z.string(),
  startedAt: z.string(),
  finishedAt: z.optional(z.string()),
  paused: z.boolean(),
  items: z.array(bulkItemSchema),
});
export type BulkRenewal = z.infer<typeof bulkRenewalSchema>;

/** Who may send a message: the extension's own pages, or its content script on a CertCentral page. */
export type SenderPolicy = 'extension-page' | 'content-script';

export const protocol = {
  getSettings: { from: 'extension-page', data: z.void(), reply: reply(settingsViewSchema) },
  saveApiKey: {
    from: 'extension-page',
    data: z.object({ apiKey: z.string().check(z.maxLength(4096)), region: regionSchema }),
    reply: reply(settingsViewSchema),
  },
  removeApiKey: { from: 'extension-page', data: z.void(), reply: reply(settingsViewSchema) },
  setRegion: {
    from: 'extension-page',
    data: z.object({ region: regionSchema }),
    reply: reply(settingsViewSchema),
  },
  testConnection: { from: 'extension-page', data: z.void(), reply: reply(connectionSchema) },
  submitOrder: {
    from: 'extension-page',
    data: z.object({
      product: z.string().check(z.maxLength(64)),
      request: z.record(z.string(), z.unknown()),
      template: z.optional(z.object({ id: z.string(), name: z.string() })),
      renewal: z.optional(z.boolean()),
    }),
    reply: reply(
      z.discriminatedUnion('accepted', [
        z.object({
          accepted: z.literal(true),
          submission: submissionViewSchema,
          warnings: z.array(problemSchema),
        }),
        z.object({
          accepted: z.literal(false),
          problems: z.array(problemSchema),
          warnings: z.array(problemSchema),
        }),
      ]),
    ),
  },
  listSubmissions: {
    from: 'extension-page',
    data: z.object({ refresh: z.optional(z.boolean()) }),
    reply: reply(submissionsSchema),
  },
  checkSubmissionAgain: {
    from: 'extension-page',
    data: z.object({ id: z.string() }),
    reply: reply(submissionViewSchema),
  },
  cancelSubmittedOrder: {
    from: 'extension-page',
    data: z.object({ id: z.string() }),
    reply: reply(submissionViewSchema),
  },
  acknowledgeSubmission: {
    from: 'extension-page',
    data: z.object({ id: z.string() }),
    reply: reply(submissionViewSchema),
  },
  exportHistory: {
    from: 'extension-page',
    data: z.void(),
    reply: reply(z.object({ filename: z.string(), json: z.string() })),
  },
  downloadCertificate: {
    from: 'extension-page',
    data: z.object({ id: z.string(), format: certificateFormatSchema }),
    reply: reply(z.object({ filename: z.string(), text: z.string(), mime: z.string() })),
  },
  getAccountChoices: {
    from: 'extension-page',
    data: z.object({ refresh: z.optional(z.boolean()) }),
    reply: reply(accountChoicesSchema),
  },
  getProductDetails: {
    from: 'extension-page',
    data: z.object({ nameId: z.string().check(z.maxLength(64)), refresh: z.optional(z.boolean()) }),
    reply: reply(productDetailsSchema),
  },
  getPageRenewals: {
    from: 'extension-page',
    data: z.object({ tabId: z.number().check(z.int(), z.nonnegative()) }),
    reply: reply(
      z.object({
        orders: z.array(renewalCandidateSchema),
        /** Ids the page suggested that the API did not confirm (not found, no access), with why. */
        unconfirmed: z.array(z.object({ orderId: z.number(), reason: z.string() })),
      }),
    ),
  },
  listExpiringOrders: {
    from: 'extension-page',
    data: z.object({
      withinDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
      productNameId: z.optional(z.string()),
      organizationId: z.optional(z.number()),
      containerId: z.optional(z.number()),
    }),
    reply: reply(z.object({ orders: z.array(renewalCandidateSchema) })),
  },
  reissueOrder: {
    from: 'extension-page',
    data: z.object({ orderId: z.number(), csr: z.string().check(z.maxLength(65_536)) }),
    reply: reply(z.object({ orderId: z.number(), requestId: z.optional(z.number()) })),
  },
  startBulkRenewal: {
    from: 'extension-page',
    data: z.object({
      templateId: z.string(),
      orderIds: z.array(z.number()).check(z.minLength(1), z.maxLength(1000)),
    }),
    reply: reply(bulkRenewalSchema),
  },
  getBulkRenewal: {
    from: 'extension-page',
    data: z.object({ runId: z.string() }),
    reply: reply(bulkRenewalSchema),
  },
  pauseBulkRenewal: {
    from: 'extension-page',
    data: z.object({ runId: z.string(), paused: z.boolean() }),
    reply: reply(bulkRenewalSchema),
  },
  reportPageOrders: {
    from: 'content-script',
    data: z.object({
      url: z.string().check(z.maxLength(2048)),
      orderIds: z.array(z.number().check(z.int(), z.positive())).check(z.maxLength(5000)),
    }),
    reply: z.void(),
  },
} as const satisfies Record<string, { from: SenderPolicy; data: z.ZodMiniType; reply: z.ZodMiniType }>;

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type MessageData<K extends MessageType> = z.infer<Protocol[K]['data']>;
export type MessageReply<K extends MessageType> = z.infer<Protocol[K]['reply']>;
export type ProtocolMap = { [K in MessageType]: (data: MessageData<K>) => MessageReply<K> };

export const messenger = defineExtensionMessaging<ProtocolMap>();

/** Sends a message to the background and parses the reply before anyone uses it. */
export async function sendToBackground<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  const raw = await (messenger.sendMessage as (t: K, d: MessageData<K>) => Promise<unknown>)(type, data);
  return protocol[type].reply.parse(raw) as MessageReply<K>;
}

export type Sender = { id?: string; url?: string; tab?: { id?: number } };

/** CertCentral console pages, the only pages the content script runs on (see the manifest matches). */
const CONSOLE_ORIGINS = ['https://www.digicert.com', 'https://certcentral.digicert.eu'];

export function isAllowedSender(
  policy: SenderPolicy,
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return false;
  if (policy === 'extension-page') return sender.url.startsWith(extensionOrigin);
  if (!sender.tab) return false;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return false;
  }
  return CONSOLE_ORIGINS.includes(origin) && new URL(sender.url).pathname.startsWith('/secure/');
}

/**
 * Registers the background's handler for one message: the sender is checked and the payload
 * parsed before the handler runs; anything else is refused without acting.
 */
export function handleMessage<K extends MessageType>(
  type: K,
  handler: (data: MessageData<K>, sender: Sender) => Promise<MessageReply<K>>,
): void {
  const entry = protocol[type];
  const onMessage = messenger.onMessage as (
    t: K,
    cb: (message: { data: unknown; sender: Sender }) => Promise<MessageReply<K>>,
  ) => void;
  onMessage(type, async ({ data, sender }) => {
    const origin = browser.runtime.getURL('/');
    if (!isAllowedSender(entry.from, sender, browser.runtime.id, origin)) {
      throw new Error(
        `Refused "${type}": it may only come from ${entry.from === 'extension-page' ? "the extension's own pages" : 'a CertCentral page'}.`,
      );
    }
    const parsed = entry.data.safeParse(data);
    if (!parsed.success) throw new Error(`Refused "${type}": its payload does not match the protocol.`);
    return handler(parsed.data as MessageData<K>, sender);
  });
}
