/**
 * Tests only: an engine on a fake clock, a fake CertCentral and fake-indexeddb. `restart()` throws
 * the engine away (its memory, cards included) and makes a new one on the same store, as a stopped
 * service worker does. Sleeping advances the clock instantly, so backoffs cost no real time.
 */

import { IDBFactory } from 'fake-indexeddb';
import type { Lane } from '../../certcentral/rate-limit';
import type { Transport } from '../../certcentral/transport';
import { closePrivateStoreForTests, listPrivate } from '../../storage/private-store';
import { createSubmissionEngine, type SubmissionEngine } from '../engine';
import type { Reply, SubmissionEvent } from '../types';
import { createFakeCertCentral, type FakeCertCentral } from './fake-certcentral';

/** Inside the 199-day validity era, as lib/order's own tests use. */
export const TODAY = new Date('2026-06-01T15:30:00Z');
export const EV = 'ssl_ev_securesite_pro';

export const CSR =
  '-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCVVM=\n-----END CERTIFICATE REQUEST-----\n';

/** Distinctive values, so a scan of the store cannot hit them by chance. */
export const CARD_NUMBER = '4111111111111111';
export const CVV = 7319;
export const CARD = {
  number: CARD_NUMBER,
  expiration_month: 12,
  expiration_year: 2030,
  cvv: CVV,
  cardholder_name: 'Jane Doe',
};

export function orderBody(commonName = 'example.com'): Record<string, unknown> {
  return {
    certificate: { common_name: commonName, csr: CSR, signature_hash: 'sha256' },
    order_validity: { years: 1 },
    organization: { id: 117483, contacts: [{ contact_type: 'ev_approver', user_id: 153208 }] },
  };
}

export function cardBody(commonName = 'example.com'): Record<string, unknown> {
  return {
    ...orderBody(commonName),
    payment_method: 'card',
    billing_address: { address: '1 Main St', city: 'Lehi', state: 'Utah', country: 'us', zip: '84043' },
  };
}

export interface HarnessOptions {
  maxTries?: number;
  fake?: FakeCertCentral;
}

/** Call in beforeEach: a fresh, empty fake IndexedDB. */
export function freshDatabase(): void {
  globalThis.indexedDB = new IDBFactory();
  closePrivateStoreForTests();
}

export function createHarness(options: HarnessOptions = {}) {
  const fake = options.fake ?? createFakeCertCentral();
  const clock = { now: new Date(TODAY) };
  const events: SubmissionEvent[] = [];
  const scheduled: Date[] = [];
  const sleeps: number[] = [];
  const logs: unknown[] = [];
  let changes = 0;
  let ids = 0;
  let transport: () => Reply<Transport> = () => ({ ok: true, value: fake.transport });
  /** The rate limiter lane each step asked its transport for, in order (undefined: the default). */
  const lanes: (Lane | undefined)[] = [];

  const make = (): SubmissionEngine =>
    createSubmissionEngine({
      transport: async (lane) => {
        lanes.push(lane);
        return transport();
      },
      now: () => new Date(clock.now),
      uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.now = new Date(clock.now.getTime() + ms);
      },
      schedule: (at) => scheduled.push(at),
      notify: (event) => events.push(event),
      onChange: () => {
        changes++;
      },
      ...(options.maxTries !== undefined ? { maxTries: options.maxTries } : {}),
      log: (message, error) => logs.push({ message, error }),
    });
  let engine = make();

  return {
    fake,
    clock,
    events,
    scheduled,
    sleeps,
    logs,
    lanes,
    changes: () => changes,
    get engine() {
      return engine;
    },
    /** The worker stopped: memory (cards, locks) is gone, the store stays. */
    restart(): SubmissionEngine {
      engine = make();
      return engine;
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    setTransport(reply: () => Reply<Transport>) {
      transport = reply;
    },
    kinds: () => events.map((e) => e.kind),
    /** Everything in the private store, as text, for "no card data anywhere" scans. */
    async storedText(): Promise<string> {
      return JSON.stringify(await listPrivate(''));
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;

/** Submits a valid order (by card when `card` is given) and waits until its processing stops. */
export async function submitOk(h: Harness, options: { card?: boolean; commonName?: string } = {}) {
  const result = await h.engine.submit({
    product: EV,
    request: options.card ? cardBody(options.commonName) : orderBody(options.commonName),
    template: { id: 'tpl-1', name: 'EV yearly' },
    ...(options.card ? { card: CARD } : {}),
  });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result.problems)}`);
  await result.processing;
  const entry = await h.engine.get(result.entry.id);
  if (!entry) throw new Error('entry vanished');
  return entry;
}

/** The order a renewal renews in these tests; `renewedOrder` adds it to the fake, issued. */
export const RENEWED_ID = 900;

/** A renewal of RENEWED_ID (which must exist in the fake), submitted and processed until it stops. */
export async function submitRenewal(h: Harness, options: { renewedOrderReadAt?: Date } = {}) {
  const result = await h.engine.submit({
    product: EV,
    request: { ...orderBody(), renewal_of_order_id: RENEWED_ID },
    template: { id: 'tpl-1', name: 'EV yearly' },
    renewal: true,
    ...options,
  });
  if (!result.ok) throw new Error(`submit refused: ${JSON.stringify(result.problems)}`);
  await result.processing;
  const entry = await h.engine.get(result.entry.id);
  if (!entry) throw new Error('entry vanished');
  return entry;
}

export function renewedOrder(h: Harness) {
  return h.fake.addOrder({ id: RENEWED_ID });
}
