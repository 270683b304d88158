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
} from './messaging-views';
import { regionSchema } from './settings/preferences';

export * from './messaging-views';

/** A reply: the value, or a failure in words. */
function reply<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: userErrorSchema }),
  ]);
}

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
  protectApiKey: {
    from: 'extension-page',
    data: z.object({ passphrase: passphraseSchema, idleMinutes: idleMinutesSchema }),
    reply: reply(settingsViewSchema),
  },
  unlockApiKey: {
    from: 'extension-page',
    data: z.object({ passphrase: passphraseSchema }),
    reply: reply(settingsViewSchema),
  },
  lockApiKey: { from: 'extension-page', data: z.void(), reply: reply(settingsViewSchema) },
  unprotectApiKey: {
    from: 'extension-page',
    data: z.object({ passphrase: passphraseSchema }),
    reply: reply(settingsViewSchema),
  },
  submitOrder: {
    from: 'extension-page',
    data: z.object({
      product: z.string().check(z.maxLength(64)),
      request: z.record(z.string(), z.unknown()),
      template: z.optional(z.object({ id: z.string(), name: z.string() })),
      renewal: z.optional(z.boolean()),
      /** The popup draft: the same draft places one order, however many windows send it. */
      draftId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    }),
    reply: reply(
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
  getOrganizationDetails: {
    from: 'extension-page',
    data: z.object({ id: z.number().check(z.int(), z.positive()), refresh: z.optional(z.boolean()) }),
    reply: reply(organizationViewSchema),
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
    reply: reply(
      z.object({
        orders: z.array(renewalCandidateSchema),
        unreadable: z.optional(z.array(unreadableItemSchema)),
      }),
    ),
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
    // No URL: the page it comes from is what the browser says the sender is, never what it claims.
    // (An older content script's `url` is dropped by the parse: objects keep known keys only.)
    data: z.object({
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

/** What the browser says about a message's sender (runtime.MessageSender, the fields used here). */
export type Sender = { id?: string; url?: string; frameId?: number; tab?: { id?: number; url?: string } };

/** CertCentral console pages, the only pages the content script runs on (see the manifest matches). */
const CONSOLE_ORIGINS = ['https://www.digicert.com', 'https://certcentral.digicert.eu'];

function parseUrl(href: string | undefined): URL | null {
  if (typeof href !== 'string') return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** True for a CertCentral console page: https, a console host, under /secure/. */
export function isConsoleUrl(href: string | undefined): boolean {
  const url = parseUrl(href);
  return url !== null && CONSOLE_ORIGINS.includes(url.origin) && url.pathname.startsWith('/secure/');
}

/**
 * Who may send what. Every message must come from this extension (`sender.id`), so another
 * extension or a web page never gets past here even if the manifest ever let them connect.
 * "extension-page": a page at the extension's own origin (popup, options); a content script is
 * refused, as its sender URL is the web page it runs in. "content-script": the top frame of a tab
 * showing a console page, as the browser reports it: the URL and tab never come from the message.
 */
export function isAllowedSender(
  policy: SenderPolicy,
  sender: Sender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const url = parseUrl(sender.url);
  if (url === null) return false;
  if (policy === 'extension-page') {
    // Scheme and host, not `origin`: URL gives "null" as the origin of a chrome-extension: URL in
    // some engines, which would make every extension's pages look alike.
    const own = parseUrl(extensionOrigin);
    return own !== null && url.protocol === own.protocol && url.host === own.host && url.host !== '';
  }
  return typeof sender.tab?.id === 'number' && sender.frameId === 0 && isConsoleUrl(sender.url);
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
