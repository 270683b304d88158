//  on the real submission engine (fake CertCentral, fake IndexedDB, fake clock):
// 20 orders with one refused by the API, one already renewed and one without a CSR; pause and
// resume; a worker restart in the middle of an item never submits it twice.
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Transport } from '../certcentral/transport';
import { createHarness, freshDatabase, type Harness } from '../outbox/testing/harness';
import type { Template } from '../templates/model';
import { createBulkRenewals } from './bulk';
import { loadRun, saveRun } from './bulk-store';
import { detailsBody, httpError } from './testing';

const TEMPLATE: Template = {
  id: '0f8c9a52-3f6d-4c3b-9d55-6c1f2a7e9b10',
  name: 'OV renewal',
  product: 'ssl_securesite_pro',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  useCount: 0,
  fields: {
    'certificate.common_name': { source: 'renewal' },
    'certificate.dns_names': { source: 'renewal' },
    'certificate.csr': { source: 'csr' },
    'certificate.signature_hash': { source: 'renewal' },
    'certificate.server_platform.id': { source: 'renewal' },
    'order_validity.years': { source: 'asked', default: 1 },
    'organization.id': { source: 'renewal' },
    'container.id': { source: 'renewal' },
    renewal_of_order_id: { source: 'renewal' },
    dcv_method: { source: 'fixed', value: 'dns-txt-token' },
    payment_method: { source: 'fixed', value: 'balance' },
  },
};

const IDS = Array.from({ length: 20 }, (_, i) => 10001 + i);
const REFUSED = 10005;
const RENEWED = 10007;
const NO_CSR = 10009;

function setup(template: Template = TEMPLATE) {
  const h = createHarness();
  const details = new Map<number, unknown>(
    IDS.map((id) => [
      id,
      detailsBody(
        id,
        id === RENEWED ? { is_renewed: true, renewed_order_id: 99 } : {},
        id === NO_CSR ? { csr: '------ [CSR HERE] ------' } : {},
      ),
    ]),
  );
  const fake = h.fake.transport;
  const api: Transport = {
    ...fake,
    get<T>(path: string, schema: z.ZodType<T>, query?: Record<string, string | number | undefined>) {
      const id = Number(/^\/order\/certificate\/(\d+)$/.exec(path)?.[1]);
      if (details.has(id)) return Promise.resolve(schema.parse(details.get(id)));
      return fake.get(path, schema, query);
    },
    post<T>(path: string, body: unknown, schema: z.ZodType<T>) {
      if ((body as { renewal_of_order_id?: number }).renewal_of_order_id === REFUSED) {
        h.fake.posted.push(structuredClone(body as Record<string, unknown>));
        return Promise.reject(
          Object.assign(httpError(400, 'invalid_value:organization.id'), {
            errors: [
              { code: 'invalid_value:organization.id', message: 'Organization 60002 is deactivated.' },
            ],
          }),
        );
      }
      return fake.post(path, body, schema);
    },
  };
  h.setTransport(() => ({ ok: true, value: api }));
  let runs = 0;
  const make = () =>
    createBulkRenewals({
      engine: {
        submit: (i) => h.engine.submit(i),
        list: () => h.engine.list(),
        get: (id) => h.engine.get(id),
      },
      transport: async () => ({ ok: true, value: api }),
      now: () => new Date(h.clock.now),
      newId: () => `run-${++runs}`,
      readTemplate: async (id) => (id === template.id ? template : undefined),
      log: () => {},
    });
  return { h, make };
}

const renewalsOf = (h: Harness, id: number) =>
  h.fake.orders.filter((o) => o.body.renewal_of_order_id === id).length;

beforeEach(freshDatabase);

describe('bulk renewal', () => {
  it('renews 20 orders one by one: each its own entry, with every result in words', async () => {
    const { h, make } = setup();
    const bulk = make();
    const started = await bulk.start(TEMPLATE.id, [...IDS, IDS[0] as number]);
    if (!started.ok) throw new Error(started.error.title);
    expect(started.value.items).toHaveLength(20);
    await bulk.idle();
    const run = await bulk.get(started.value.runId);
    if (!run.ok) throw new Error('no run');
    const by = (id: number) => run.value.items.find((i) => i.orderId === id);
    expect(run.value.finishedAt).toBeDefined();
    expect(run.value.items.filter((i) => i.state === 'submitted')).toHaveLength(17);
    expect(by(REFUSED)).toMatchObject({ state: 'failed', message: 'Organization 60002 is deactivated.' });
    expect(by(RENEWED)).toMatchObject({
      state: 'skipped',
      message: expect.stringContaining('already renewed by order #99'),
    });
    expect(by(NO_CSR)).toMatchObject({ state: 'skipped', message: expect.stringContaining('no CSR') });
    expect(by(10001)).toMatchObject({
      commonName: 'host10001.example.com',
      message: expect.stringMatching(/^Placed as order #\d+\. Reused the CSR of order #10001\.$/),
    });
    // The body: the order's names and CSR, template values, the renewal reference.
    const body = h.fake.orders.find((o) => o.body.renewal_of_order_id === 10001)?.body;
    expect(body).toMatchObject({
      certificate: {
        common_name: 'host10001.example.com',
        dns_names: ['host10001.example.com'],
        signature_hash: 'sha256',
        server_platform: { id: 45 },
      },
      organization: { id: 60002 },
      container: { id: 50001 },
      order_validity: { years: 1 },
      dcv_method: 'dns-txt-token',
      renewal_of_order_id: 10001,
    });
    expect((body?.certificate as { csr?: string } | undefined)?.csr).toContain('BEGIN CERTIFICATE REQUEST');
    expect((await h.engine.list()).map((e) => e.template?.name)).toContain('OV renewal');

    // Running the same selection again orders nothing twice.
    const again = await bulk.start(TEMPLATE.id, IDS);
    if (!again.ok) throw new Error('refused');
    await bulk.idle();
    const second = await bulk.get(again.value.runId);
    if (!second.ok) throw new Error('no run');
    const skipped = second.value.items.filter((i) => i.state === 'skipped');
    expect(skipped).toHaveLength(19);
    expect(skipped.filter((i) => i.message?.includes('already in the outbox or history'))).toHaveLength(17);
    for (const id of IDS) expect(renewalsOf(h, id)).toBeLessThanOrEqual(1);
  });

  it('refuses a template whose asked fields have no default, naming them, before anything is ordered', async () => {
    const template: Template = {
      ...TEMPLATE,
      fields: { ...TEMPLATE.fields, comments: { source: 'asked', label: 'Ticket number' } },
    };
    const { h, make } = setup(template);
    const result = await make().start(template.id, IDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.detail).toContain('"Ticket number"');
    expect(h.fake.posts()).toBe(0);
  });

  it('refuses a template that fixes the names', async () => {
    const template: Template = {
      ...TEMPLATE,
      fields: { ...TEMPLATE.fields, 'certificate.common_name': { source: 'fixed', value: 'a.example.com' } },
    };
    const { make } = setup(template);
    const result = await make().start(template.id, IDS);
    expect(result.ok ? '' : result.error.detail).toContain('certificate.common_name');
  });

  it('pauses after the order in hand and goes on when resumed', async () => {
    const { h, make } = setup();
    const bulk = make();
    const started = await bulk.start(TEMPLATE.id, IDS);
    if (!started.ok) throw new Error('refused');
    const paused = await bulk.setPaused(started.value.runId, true);
    expect(paused.ok && paused.value.paused).toBe(true);
    await bulk.idle();
    const mid = await bulk.get(started.value.runId);
    if (!mid.ok) throw new Error('no run');
    const waiting = mid.value.items.filter((i) => i.state === 'waiting').length;
    expect(waiting).toBeGreaterThanOrEqual(18);
    expect(mid.value.finishedAt).toBeUndefined();
    expect(h.fake.posts()).toBeLessThanOrEqual(1);
    await bulk.setPaused(started.value.runId, false);
    await bulk.idle();
    const done = await bulk.get(started.value.runId);
    expect(done.ok && done.value.finishedAt).toBeTruthy();
    expect(done.ok && done.value.items.filter((i) => i.state === 'submitted')).toHaveLength(17);
  });

  it('after a restart mid-item, adopts the entry it made instead of submitting again', async () => {
    const { h, make } = setup();
    const first = make();
    const started = await first.start(TEMPLATE.id, IDS.slice(0, 3));
    if (!started.ok) throw new Error('refused');
    await first.idle();
    // Rebuild the moment of a stop: item 2 was `submitting` and its entry was already in the outbox;
    // item 3 was `submitting` but nothing had been made yet.
    const run = await loadRun(started.value.runId, h.clock.now);
    if (!run) throw new Error('no run');
    const [one, two, three] = run.items;
    if (!one || !two || !three) throw new Error('items');
    const at = new Date(h.clock.now.getTime() - 60_000).toISOString();
    const ownEntry = two.submissionId;
    h.fake.orders.splice(
      h.fake.orders.findIndex((o) => o.body.renewal_of_order_id === IDS[2]),
      1,
    );
    const threeEntry = three.submissionId;
    await saveRun({
      ...run,
      finishedAt: undefined,
      items: [
        one,
        { ...two, state: 'submitting', submittingAt: at, message: undefined },
        {
          orderId: three.orderId,
          commonName: '',
          state: 'submitting',
          submittingAt: new Date(h.clock.now.getTime() + 1000).toISOString(),
        },
      ],
    });
    // The outbox entry of item 3 is forgotten, as if the worker stopped before engine.submit.
    const { deletePrivate } = await import('../storage/private-store');
    await deletePrivate(`outbox:${threeEntry}`);
    h.restart();
    h.advance(2000);
    const second = make();
    await second.resume();
    await second.idle();
    const after = await second.get(started.value.runId);
    if (!after.ok) throw new Error('no run');
    expect(after.value.items[1]).toMatchObject({ state: 'submitted', submissionId: ownEntry });
    expect(after.value.items[2]).toMatchObject({ state: 'submitted' });
    expect(renewalsOf(h, IDS[1] as number)).toBe(1);
    expect(renewalsOf(h, IDS[2] as number)).toBe(1);
    expect(after.value.finishedAt).toBeDefined();
  });

  it('an entry older than the item is another renewal: skipped, not adopted', async () => {
    const { h, make } = setup();
    const bulk = make();
    const started = await bulk.start(TEMPLATE.id, [IDS[0] as number]);
    if (!started.ok) throw new Error('refused');
    await bulk.idle();
    const run = await loadRun(started.value.runId, h.clock.now);
    if (!run) throw new Error('no run');
    const later = new Date(h.clock.now.getTime() + 5000).toISOString();
    await saveRun({
      ...run,
      finishedAt: undefined,
      items: [{ orderId: IDS[0] as number, commonName: '', state: 'submitting', submittingAt: later }],
    });
    h.advance(10_000);
    const again = make();
    await again.resume();
    await again.idle();
    const after = await again.get(started.value.runId);
    expect(after.ok && after.value.items[0]?.state).toBe('skipped');
    expect(renewalsOf(h, IDS[0] as number)).toBe(1);
  });
});
