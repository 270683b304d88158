// Contract tests: response bodies that CertCentral sent to other public clients (or that those clients
// wrote down as CertCentral's answers) are replayed through this client's own transport and parsers.
// Each body is one test, named after its file; where it came from, its licence and what must be read
// from it are in manifest.json (see README.md). Assertions go through the most stable surface of each
// function ("the result holds an order with id X"), and every list through its readable items.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CertCentralError,
  cancelOrder,
  createTransport,
  describeCertCentralError,
  findOrdersByAlternativeId,
  getCurrentUser,
  getExpiringOrdersReport,
  getOrder,
  getOrganization,
  getProduct,
  listAllOrders,
  listContainers,
  listOrganizations,
  listProducts,
  listUsers,
  placeOrder,
  type Transport,
} from '../../lib/certcentral';
import { reissueOrder } from '../../lib/certcentral/order-reissue';
import { noWait, scriptedFetch, TEST_KEY } from '../../lib/certcentral/testing/fake-fetch';
import { type Arg, type Entry, type Expectation, manifest } from './manifest';

/** DigiCert's own words must reach the user; long messages may be shortened, so only a prefix is required. */
const MESSAGE_CAP = 200;

/** Only permissive licences may be copied into this repository. */
const PERMISSIVE = ['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'MPL-2.0'];

// Request bodies are irrelevant to a replayed answer, but they are sent, so they look plausible.
const ORDER_BODY = {
  certificate: { common_name: 'www.example.com', csr: 'contract-test CSR', signature_hash: 'sha256' },
  organization: { id: 117483 },
  order_validity: { years: 1 },
};
const REISSUE_BODY = { certificate: { common_name: 'www.example.com', csr: 'contract-test CSR' } };

/** How the extension calls each function; the manifest names them in `replay.fn`. */
const CLIENT = {
  getCurrentUser: (t: Transport) => getCurrentUser(t),
  listUsers: (t: Transport) => listUsers(t),
  listAllOrders: (t: Transport) => listAllOrders(t),
  getOrder: (t: Transport, id: Arg) => getOrder(t, Number(id)),
  placeOrder: (t: Transport, product: Arg) => placeOrder(t, String(product), ORDER_BODY),
  reissueOrder: (t: Transport, id: Arg) => reissueOrder(t, Number(id), REISSUE_BODY),
  cancelOrder: (t: Transport, id: Arg, note: Arg) => cancelOrder(t, Number(id), String(note)),
  findOrdersByAlternativeId: (t: Transport, altId: Arg) => findOrdersByAlternativeId(t, String(altId)),
  getOrganization: (t: Transport, id: Arg) => getOrganization(t, Number(id)),
  listOrganizations: (t: Transport) => listOrganizations(t),
  getProduct: (t: Transport, nameId: Arg) => getProduct(t, String(nameId)),
  listProducts: (t: Transport) => listProducts(t),
  listContainers: (t: Transport) => listContainers(t),
  getExpiringOrdersReport: (t: Transport) => getExpiringOrdersReport(t),
} satisfies Record<string, (t: Transport, ...args: Arg[]) => Promise<unknown>>;

function body(entry: Entry): string {
  return readFileSync(new URL(`./${entry.file}`, import.meta.url), 'utf8');
}

/** The recorded answer as fetch would give it; an empty body stays null (a 204 may carry no body). */
function reply(entry: Entry): Response {
  const text = body(entry);
  const type = entry.file.endsWith('.json') ? 'application/json' : 'text/plain';
  return new Response(text === '' ? null : text, { status: entry.status, headers: { 'Content-Type': type } });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `GET /order/certificate/{order_id}` → method and a pattern for the full URL (any query allowed). */
function callPattern(call: string): { method: string; url: RegExp } {
  const [method = '', template = ''] = call.split(' ');
  const path = template
    .split(/\{[^}]+\}/)
    .map(escapeRegExp)
    .join('[^/?]+');
  return { method, url: new RegExp(`^${escapeRegExp(manifest.base)}${path}(\\?.*)?$`) };
}

/** `domains.0.name`, `orders.length`: a value inside parsed JSON or a parsed result. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    if (key === 'length' && Array.isArray(current)) return current.length;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const LIST_KEYS = ['items', 'orders', 'users', 'organizations', 'products', 'containers', 'expiring_orders'];

/** The readable rows of a list result, whether an array, `{items, unreadable}` or `{orders: ...}`. */
function rowsOf(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  if (typeof value === 'object') {
    for (const key of LIST_KEYS) {
      if (key in value) return rowsOf((value as Record<string, unknown>)[key]);
    }
  }
  throw new Error(`not a list: ${JSON.stringify(value).slice(0, 200)}`);
}

/** Rows set aside as unreadable; [] where the result has no such notion. */
function unreadableOf(value: unknown): unknown[] {
  const unreadable = at(value, 'unreadable') ?? at(value, 'orders.unreadable');
  return Array.isArray(unreadable) ? unreadable : [];
}

async function replay(
  entry: Entry,
): Promise<{ result: unknown; error: unknown; calls: { method: string; url: string }[] }> {
  if (entry.replay === null) throw new Error('no client function to replay with');
  const fetch = scriptedFetch(reply(entry));
  const t = createTransport({
    apiKey: TEST_KEY,
    region: 'us',
    fetch,
    limiter: noWait,
    sleep: async () => {},
  });
  const fn = CLIENT[entry.replay.fn as keyof typeof CLIENT] as (
    t: Transport,
    ...args: Arg[]
  ) => Promise<unknown>;
  let result: unknown;
  let error: unknown;
  try {
    result = await fn(t, ...entry.replay.args);
  } catch (err) {
    error = err;
  }
  return { result, error, calls: fetch.calls };
}

function checkResult(x: Expectation, result: unknown): void {
  switch (x.kind) {
    case 'order':
      expect(at(result, 'id')).toBe(x.id);
      expect(at(result, 'status')).toBe(x.status);
      expect(at(result, 'certificate.common_name')).toBe(x.common_name);
      expect(at(result, 'certificate.dns_names')).toEqual(x.dns_names);
      expect(at(result, 'product.name_id')).toBe(x.product_name_id);
      return;
    case 'orderList': {
      const rows = rowsOf(result);
      expect(rows).toHaveLength(x.count);
      expect(unreadableOf(result)).toEqual([]);
      for (const want of x.contains ?? []) {
        const row = rows.find((r) => r.id === want.id);
        expect(row, `order ${want.id}`).toBeDefined();
        expect(at(row, 'status')).toBe(want.status);
        expect(at(row, 'certificate.common_name')).toBe(want.common_name);
        if (want.dns_names) expect(at(row, 'certificate.dns_names')).toEqual(want.dns_names);
      }
      return;
    }
    case 'list': {
      const rows = rowsOf(result);
      expect(rows).toHaveLength(x.count);
      expect(unreadableOf(result)).toEqual([]);
      expect(rows).toEqual(expect.arrayContaining(x.contains.map((c) => expect.objectContaining(c))));
      if (x.first_validation_types) {
        expect(rowsOf(at(rows[0], 'validations')).map((v) => v.type)).toEqual(x.first_validation_types);
      }
      return;
    }
    case 'organization':
      expect(at(result, 'id')).toBe(x.id);
      expect(at(result, 'name')).toBe(x.name);
      expect(rowsOf(at(result, 'ev_approvers')).map((a) => a.id)).toEqual(x.ev_approver_ids);
      return;
    case 'product':
      expect(at(result, 'name_id')).toBe(x.name_id);
      expect(at(result, 'name')).toBe(x.name);
      return;
    case 'placedOrder':
      expect(at(result, 'id')).toBe(x.id);
      expect(rowsOf(at(result, 'requests')).map((r) => r.id)).toEqual(x.request_ids);
      if (x.certificate_id !== undefined) expect(at(result, 'certificate_id')).toBe(x.certificate_id);
      if (x.certificate_chain) {
        const chain = rowsOf(at(result, 'certificate_chain'));
        expect(chain.map((c) => c.subject_common_name)).toEqual(x.certificate_chain);
        for (const c of chain) expect(String(c.pem)).toContain('-----BEGIN CERTIFICATE-----');
      }
      return;
    case 'expiring':
      expect(rowsOf(result)).toEqual(x.buckets.map((b) => expect.objectContaining(b)));
      return;
    case 'empty':
      expect(result).toBeUndefined();
      return;
    case 'error':
    case 'raw':
      throw new Error(`${x.kind} is not a result expectation`);
  }
}

function checkError(x: Extract<Expectation, { kind: 'error' }>, entry: Entry, error: unknown): void {
  expect(error).toBeInstanceOf(CertCentralError);
  const err = error as CertCentralError;
  expect(err.kind).toBe('http');
  expect(err.status).toBe(entry.status);
  expect(err.errors[0]?.code).toBe(x.code);
  const advice = describeCertCentralError(err);
  expect(advice).toContain(x.message.slice(0, MESSAGE_CAP));
  if (x.adviceMatches) expect(advice).toMatch(new RegExp(x.adviceMatches, 'i'));
  if (x.adviceMustNotMatch) expect(advice).not.toMatch(new RegExp(x.adviceMustNotMatch, 'i'));
}

const replayed = manifest.bodies.filter((b) => b.replay !== null);
const unparsed = manifest.bodies.filter((b) => b.replay === null);

/** `[test name, entry]`: the name is the body file and its call, shown in full by the runner. */
function cases(entries: Entry[]): [string, Entry][] {
  return entries.map((e) => [`${e.file.replace(/^bodies\//, '')}: ${e.call} → HTTP ${e.status}`, e]);
}

describe('manifest', () => {
  it.each(cases(manifest.bodies))(
    '%s names its source, a permissive licence and its origin',
    (_name, entry) => {
      expect(() => body(entry)).not.toThrow();
      expect(PERMISSIVE).toContain(entry.licence);
      expect(['recording', 'sanitised-recording', 'hand-written']).toContain(entry.origin);
      expect(entry.source.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.source.url).toBe(
        `https://github.com/${entry.source.repo}/blob/${entry.source.commit}/${entry.source.path}`,
      );
      expect(entry.call).toMatch(/^(GET|POST|PUT|DELETE) \/\S*$/);
      if (entry.file.endsWith('.json')) expect(() => JSON.parse(body(entry))).not.toThrow();
    },
  );
});

describe('recorded bodies through the client', () => {
  it.each(cases(replayed))('%s', async (_name, entry) => {
    const { result, error, calls } = await replay(entry);
    // One request: an error here is not retried and every list here fits in one page.
    expect(calls).toHaveLength(1);
    const { method, url } = callPattern(entry.replay?.call ?? '');
    expect(calls[0]?.method).toBe(method);
    expect(calls[0]?.url).toMatch(url);
    if (entry.expect.kind === 'error') {
      checkError(entry.expect, entry, error);
      return;
    }
    if (error !== undefined) throw error;
    checkResult(entry.expect, result);
  });
});

// No client function reads these yet; the test pins what a future parser must extract.
describe('recorded bodies without a client function', () => {
  it.each(cases(unparsed))('%s', (_name, entry) => {
    expect(entry.expect.kind).toBe('raw');
    const parsed: unknown = JSON.parse(body(entry));
    const fields = entry.expect.kind === 'raw' ? entry.expect.fields : {};
    for (const [path, value] of Object.entries(fields)) expect(at(parsed, path), path).toEqual(value);
  });
});
