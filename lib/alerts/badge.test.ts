import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entryIn } from '../outbox/testing/entries';
import { resetStorageForTests } from '../storage/testing';
import { saveSnapshot } from '../validation/snapshot';
import { coalesced, readNeedsYou, showNeedsYouCount } from './badge';
import { writeAlertSnapshot } from './snapshot';
import { decideWithLedger } from './store';

beforeEach(() => {
  resetStorageForTests();
  fakeBrowser.reset();
});

const NOW = new Date();
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describe('readNeedsYou', () => {
  it('counts failed submissions, records set aside and certificates to renew from the last check', async () => {
    await writeAlertSnapshot({
      readAt: NOW.toISOString(),
      orders: [
        { id: 11, commonName: 'a.example', validTill: day(13) },
        { id: 12, commonName: 'b.example', validTill: day(10), renewedOrderId: 99 },
      ],
    });
    await decideWithLedger((ledger) => ({
      notices: [],
      ledger: { ...ledger, checkedAt: NOW.toISOString() },
    }));
    const outbox = {
      list: async () => [entryIn('failed', { id: 'f1' })],
      setAside: async () => [{ key: 'x' }],
    };
    const list = await readNeedsYou(outbox, NOW);
    expect(list.items.map((i) => [i.kind, i.target])).toEqual([
      ['open-submission', '#orders'],
      ['renew', '#renew=11'],
    ]);
    expect(list.count).toBe(3);
    expect(list.checkedAt).toBe(NOW.toISOString());
  });

  it('counts a domain still to validate from the stored validation state of an order placed here', async () => {
    const placed = entryIn('placed', { id: 'p1', orderId: 777, orderStatus: 'pending' });
    const outbox = { list: async () => [placed], setAside: async () => [] };
    // Never read: only the wait counts (the entry was placed long before NOW).
    expect((await readNeedsYou(outbox, NOW)).items.map((i) => i.kind)).toEqual(['check-validation']);
    await saveSnapshot({
      orderId: 777,
      readAt: NOW.toISOString(),
      orderStatus: 'pending',
      dcvMethod: 'email',
      domains: [{ name: 'mail.example', method: 'email', status: 'pending', validated: false, dnsNames: [] }],
      organization: [],
      approvers: [],
      unreadable: 0,
    });
    const list = await readNeedsYou(outbox, NOW);
    expect(list.items.map((i) => [i.kind, i.domain, i.target])).toEqual([
      ['validate-domain', 'mail.example', '#order-777'],
    ]);
    expect(list.count).toBe(1);
  });
});

describe('showNeedsYouCount', () => {
  it('shows the count with a title, and nothing for none', async () => {
    await showNeedsYouCount(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('CertCentral Companion: 3 orders need attention');
    await showNeedsYouCount(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('coalesced', () => {
  it('runs once for a burst of calls made while it runs, then once more, spaced', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const sleeps: number[] = [];
    const run = () =>
      new Promise<void>((resolve) => {
        runs++;
        release = resolve;
      });
    const call = coalesced(run, 1000, async (ms) => {
      sleeps.push(ms);
    });
    call();
    for (let i = 0; i < 50; i++) call();
    expect(runs).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(sleeps).toEqual([1000]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    call();
    expect(runs).toBe(3);
  });
});
