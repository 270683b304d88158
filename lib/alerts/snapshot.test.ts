import { beforeEach, describe, expect, it } from 'vitest';
import { writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import { ALERT_SNAPSHOT_RECORD, ordersWorthKeeping, readAlertSnapshot, writeAlertSnapshot } from './snapshot';

beforeEach(resetStorageForTests);

const NOW = new Date('2026-12-03T09:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the expiring orders last read', () => {
  it('keeps the orders within the largest reminder day or expired within the grace', () => {
    const orders = [
      { id: 1, commonName: 'a', validTill: day(30) },
      { id: 2, commonName: 'b', validTill: day(31) },
      { id: 3, commonName: 'c', validTill: day(-7) },
      { id: 4, commonName: 'd', validTill: day(-8) },
      { id: 5, commonName: 'e', validTill: null },
    ];
    expect(ordersWorthKeeping(orders, 30, NOW).map((o) => o.id)).toEqual([1, 3]);
  });

  it('reads back what was written, and nothing from a damaged record', async () => {
    expect(await readAlertSnapshot()).toBeUndefined();
    const snapshot = { readAt: NOW.toISOString(), orders: [{ id: 1, commonName: 'a', validTill: day(3) }] };
    await writeAlertSnapshot(snapshot);
    expect(await readAlertSnapshot()).toEqual(snapshot);
    await writePrivate(ALERT_SNAPSHOT_RECORD, { version: 1, readAt: 'yesterday', orders: [] });
    expect(await readAlertSnapshot()).toBeUndefined();
  });
});
