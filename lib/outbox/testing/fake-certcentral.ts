/**
 * Tests only: an in-memory CertCentral behind the `Transport` interface, following the documented
 * behaviour the engine relies on (docs/certcentral-api.md): POST /order/certificate/{product} → 201 {id,
 * requests, certificate_id}; GET /order/alternate/{id} → {orders:[{order_id, certificate_id, status}]}
 * (an unknown id gives an empty list); GET /order/certificate/{id}; PUT .../status cancels pending
 * orders only; GET /certificate/{id}/download/format/{f}. Faults are scripted per endpoint and
 * consumed in order. It replaces the whole transport, so a GET fault here is a GET that failed
 * after the transport's own retries.
 */
import type { z } from 'zod';
import { type ApiErrorItem, CertCentralError } from '../../certcentral/errors';
import type { Transport } from '../../certcentral/transport';
import type { Region } from '../../region';

export type PostFault =
  /** The order is stored (`copies` times: a browser resend), then the connection drops before the answer. */
  | { kind: 'lose-response'; copies?: number }
  | { kind: 'timeout-after-store' }
  /** The connection fails before the server sees the request: nothing stored. */
  | { kind: 'network-before' }
  /** An HTTP error without storing (500, 502, 429 ...). */
  | { kind: 'status'; status: number; errors?: ApiErrorItem[] }
  /** A 4xx refusal of the order with these errors: nothing stored. */
  | { kind: 'refuse'; status?: number; errors: ApiErrorItem[] }
  /** Chromium resent the POST on a dropped keep-alive socket: two orders, the 201 names the second. */
  | { kind: 'silent-resend' }
  /** Never answers (the worker is stopped meanwhile); `store` says whether the server stored it. */
  | { kind: 'hang'; store: boolean }
  /** Another browser's POST with the same body lands a moment before this one (placed by `user`). */
  | { kind: 'race'; user?: FakeUser };

export interface FakeUser {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
}

/** Who the fake's API key belongs to; another browser's orders name someone else. */
export const FAKE_KEY_USER: FakeUser = {
  id: 1,
  first_name: 'Ada',
  last_name: 'Admin',
  email: 'ada@example.com',
};
export const OTHER_USER: FakeUser = {
  id: 2,
  first_name: 'Olivia',
  last_name: 'Orders',
  email: 'olivia@example.com',
};

export type GetFault =
  | { kind: 'network' }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  /** Lookups only: an empty list although an order exists (the search index lags behind). */
  | { kind: 'empty' };

export interface FakeOrder {
  id: number;
  product: string;
  alternative_order_id?: string;
  status: string;
  certificate_id: number;
  common_name: string;
  body: Record<string, unknown>;
  reason?: string;
  cancelNote?: string;
  user?: FakeUser;
  date_created?: string;
  is_renewed?: boolean;
  renewed_order_id?: number | null;
}

export interface FakeCertCentralOptions {
  region?: Region;
  /** The account setting "Require unique alternative order IDs". */
  uniqueAlternativeIds?: boolean;
}

export function createFakeCertCentral(options: FakeCertCentralOptions = {}) {
  const orders: FakeOrder[] = [];
  const faults = {
    post: [] as PostFault[],
    lookup: [] as GetFault[],
    getOrder: [] as GetFault[],
    cancel: [] as GetFault[],
  };
  const calls: { method: string; path: string }[] = [];
  /** Every POST body as the server received it (card included: this is the server's side). */
  const posted: Record<string, unknown>[] = [];
  let nextId = 1001;
  const state = { uniqueAlternativeIds: options.uniqueAlternativeIds ?? false };

  const httpError = (status: number, errors: ApiErrorItem[], unsafeMethod: boolean) =>
    new CertCentralError({ kind: 'http', status, errors, unsafeMethod, message: `HTTP ${status}` });
  const network = (unsafeMethod: boolean) =>
    new CertCentralError({ kind: 'network', message: 'socket hang up', unsafeMethod });
  const never = () => new Promise<never>(() => {});

  function store(product: string, body: Record<string, unknown>, user: FakeUser = FAKE_KEY_USER): FakeOrder {
    const id = nextId++;
    const certificate = body.certificate as { common_name?: string } | undefined;
    const alt = typeof body.alternative_order_id === 'string' ? body.alternative_order_id : undefined;
    const order: FakeOrder = {
      id,
      product,
      ...(alt !== undefined ? { alternative_order_id: alt } : {}),
      status: 'pending',
      certificate_id: id + 5000,
      common_name: certificate?.common_name ?? '',
      body: structuredClone(body),
      user,
      date_created: '2026-06-01T15:30:00+00:00',
    };
    orders.push(order);
    return order;
  }

  function getFault(list: GetFault[]): Promise<never> | undefined {
    const fault = list.shift();
    if (!fault) return undefined;
    if (fault.kind === 'hang') return never();
    if (fault.kind === 'network') return Promise.reject(network(false));
    if (fault.kind === 'empty') return undefined;
    return Promise.reject(httpError(fault.status, [{ code: 'server_error', message: 'Boom' }], false));
  }

  async function post(path: string, raw: unknown): Promise<unknown> {
    const product = /^\/order\/certificate\/([^/]+)$/.exec(path)?.[1];
    if (!product) throw httpError(404, [{ code: 'not_found|route', message: 'No route' }], true);
    const body = raw as Record<string, unknown>;
    const fault = faults.post.shift();
    if (fault?.kind === 'network-before') throw network(true);
    if (fault?.kind === 'status') throw httpError(fault.status, fault.errors ?? [], true);
    if (fault?.kind === 'refuse') throw httpError(fault.status ?? 400, fault.errors, true);
    if (fault?.kind === 'hang' && !fault.store) return never();
    const alt = body.alternative_order_id;
    if (fault?.kind === 'race') store(decodeURIComponent(product), body, fault.user ?? OTHER_USER);
    if (state.uniqueAlternativeIds && orders.some((o) => o.alternative_order_id === alt)) {
      throw httpError(
        400,
        [
          {
            code: 'duplicate_alternative_order_id',
            message: `The alternative order ID "${String(alt)}" is already assigned to an order in this account.`,
          },
        ],
        true,
      );
    }
    const copies =
      fault?.kind === 'silent-resend' ? 2 : fault?.kind === 'lose-response' ? (fault.copies ?? 1) : 1;
    for (let n = 1; n < copies; n++) store(decodeURIComponent(product), body);
    const order = store(decodeURIComponent(product), body);
    if (fault?.kind === 'hang') return never();
    if (fault?.kind === 'lose-response') throw network(true);
    if (fault?.kind === 'timeout-after-store') {
      throw new CertCentralError({ kind: 'timeout', message: 'no answer', unsafeMethod: true });
    }
    return {
      id: order.id,
      requests: [{ id: order.id + 9000, status: 'pending' }],
      certificate_id: order.certificate_id,
    };
  }

  function details(o: FakeOrder) {
    return {
      id: o.id,
      status: o.status,
      certificate: { id: o.certificate_id, common_name: o.common_name },
      product: { name_id: o.product },
      ...(o.alternative_order_id !== undefined ? { alternative_order_id: o.alternative_order_id } : {}),
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      ...(o.user ? { user: o.user } : {}),
      ...(o.date_created ? { date_created: o.date_created } : {}),
      is_renewed: o.is_renewed ?? false,
      renewed_order_id: o.renewed_order_id ?? null,
    };
  }

  async function get(path: string): Promise<unknown> {
    let m = /^\/order\/alternate\/([^/]+)$/.exec(path);
    if (m) {
      const empty = faults.lookup[0]?.kind === 'empty';
      const failure = getFault(faults.lookup);
      if (failure) return failure;
      const alt = decodeURIComponent(m[1] ?? '');
      const found = empty ? [] : orders.filter((o) => o.alternative_order_id === alt);
      return {
        orders: found.map((o) => ({ order_id: o.id, certificate_id: o.certificate_id, status: o.status })),
        page: { total: found.length, limit: 1000, offset: 0 },
      };
    }
    m = /^\/order\/certificate\/(\d+)$/.exec(path);
    if (m) {
      const failure = getFault(faults.getOrder);
      if (failure) return failure;
      const order = orders.find((o) => o.id === Number(m?.[1]));
      if (!order) throw httpError(404, [{ code: 'not_found|order', message: 'Order not found.' }], false);
      return details(order);
    }
    throw httpError(404, [{ code: 'not_found|route', message: 'No route' }], false);
  }

  async function put(path: string, body: unknown): Promise<void> {
    const m = /^\/order\/certificate\/(\d+)\/status$/.exec(path);
    const order = orders.find((o) => o.id === Number(m?.[1]));
    const fault = faults.cancel.shift();
    if (fault?.kind === 'hang') return never();
    if (fault?.kind === 'network') throw network(true);
    if (fault?.kind === 'status')
      throw httpError(fault.status, [{ code: 'server_error', message: 'Boom' }], true);
    if (!order) throw httpError(404, [{ code: 'not_found|order', message: 'Order not found.' }], true);
    const { status, note } = body as { status?: unknown; note?: unknown };
    if (status !== 'canceled' || typeof note !== 'string' || note.trim() === '') {
      throw httpError(400, [{ code: 'missing_param:note', message: 'note is required.' }], true);
    }
    if (order.status !== 'pending' && order.status !== 'needs_approval') {
      throw httpError(
        400,
        [
          {
            code: 'order_cannot_be_canceled',
            message: `Order ${order.id} is ${order.status} and cannot be canceled.`,
          },
        ],
        true,
      );
    }
    order.status = 'canceled';
    order.cancelNote = note;
  }

  const transport: Transport = {
    region: options.region ?? 'us',
    async get<T>(path: string, schema: z.ZodType<T>) {
      calls.push({ method: 'GET', path });
      return schema.parse(await get(path));
    },
    async getText(path: string) {
      calls.push({ method: 'GET', path });
      const m = /^\/certificate\/(\d+)\/download\/format\/([a-z0-9_]+)$/.exec(path);
      const order = orders.find((o) => o.certificate_id === Number(m?.[1]) && o.status === 'issued');
      if (!order)
        throw httpError(404, [{ code: 'not_found|certificate', message: 'Certificate not found.' }], false);
      return `-----BEGIN CERTIFICATE-----\nFAKE ${order.common_name} ${m?.[2]}\n-----END CERTIFICATE-----\n`;
    },
    async post<T>(path: string, body: unknown, schema: z.ZodType<T>) {
      calls.push({ method: 'POST', path });
      posted.push(structuredClone(body as Record<string, unknown>));
      return schema.parse(await post(path, body));
    },
    async put<T>(path: string, body: unknown, schema?: z.ZodType<T>) {
      calls.push({ method: 'PUT', path });
      await put(path, body);
      return schema?.parse(undefined);
    },
  };

  return {
    transport,
    orders,
    faults,
    calls,
    posted,
    state,
    /** Orders that still count (not canceled or rejected): the "exactly one" of the tests. */
    live: () => orders.filter((o) => o.status !== 'canceled' && o.status !== 'rejected'),
    posts: () => calls.filter((c) => c.method === 'POST').length,
    /** An order that exists before the test (the one a renewal renews, or one placed elsewhere). */
    addOrder(order: Partial<FakeOrder> & { id: number }): FakeOrder {
      const added: FakeOrder = {
        product: 'ssl_ev_securesite_pro',
        status: 'issued',
        certificate_id: order.id + 5000,
        common_name: 'example.com',
        body: {},
        user: FAKE_KEY_USER,
        date_created: '2025-06-01T10:00:00+00:00',
        ...order,
      };
      orders.push(added);
      return added;
    },
    setStatus(orderId: number, status: string, reason?: string) {
      const order = orders.find((o) => o.id === orderId);
      if (!order) throw new Error(`no fake order ${orderId}`);
      order.status = status;
      if (reason !== undefined) order.reason = reason;
    },
  };
}

export type FakeCertCentral = ReturnType<typeof createFakeCertCentral>;
