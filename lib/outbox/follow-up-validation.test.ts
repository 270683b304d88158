// The follow-up step reads the order's validation state after the order's own GET, through the same
// transport, while the order is pending and once more in the round it leaves pending.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../certcentral/transport';
import { type FollowedPlacement, installValidationFollower } from '../validation/follow';
import { createHarness, freshDatabase, submitOk } from './testing/harness';

beforeEach(freshDatabase);
afterEach(() => installValidationFollower(undefined));

describe('follow-up and validation', () => {
  it('asks after each order GET while pending, once more when it leaves pending, then never', async () => {
    const h = createHarness();
    const seen: { placement: FollowedPlacement; transport: Transport; callsBefore: number }[] = [];
    installValidationFollower(async (transport, placement) => {
      seen.push({ placement, transport, callsBefore: h.fake.calls.length });
    });
    const placed = await submitOk(h);
    h.fake.setStatus(1001, 'pending');
    await h.engine.checkNow();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.placement).toEqual({
      orderId: 1001,
      commonName: 'example.com',
      status: 'pending',
      createdAt: placed.placedAt ?? placed.createdAt,
    });
    // The same transport (and so the same rate limiter), after the order's GET.
    expect(seen[0]?.transport).toBe(h.fake.transport);
    expect(h.fake.calls.at(-1)?.path).toBe('/order/certificate/1001');
    h.fake.setStatus(1001, 'issued');
    await h.engine.checkNow();
    expect(seen.map((s) => s.placement.status)).toEqual(['pending', 'issued']);
    await h.engine.checkNow();
    expect(seen).toHaveLength(2);
    // One "issued" notification: the outbox's own.
    expect(h.kinds().filter((k) => k === 'issued')).toHaveLength(1);
  });

  it('a failing follower does not stop the order being followed', async () => {
    const h = createHarness();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installValidationFollower(async () => {
      throw new Error('boom');
    });
    const placed = await submitOk(h);
    h.fake.setStatus(1001, 'pending');
    await h.engine.checkNow();
    h.fake.setStatus(1001, 'issued');
    await h.engine.checkNow();
    expect(await h.engine.get(placed.id)).toMatchObject({ orderStatus: 'issued' });
    expect(logged).toHaveBeenCalledWith('Validation follow-up failed', expect.any(Error));
    logged.mockRestore();
  });
});
