import { describe, expect, it, vi } from 'vitest';
import type { SubmissionEngine } from '../outbox';
import type { SubmitInput } from '../outbox/types';
import { withPolicy } from './guard';
import type { PolicyState } from './model';
import { parsePolicy } from './parse';

const input: SubmitInput = { product: 'ssl_ev_basic', request: { order_validity: { years: 1 } } };

function engine() {
  const submit = vi.fn(async () => ({ ok: false as const, problems: [], warnings: [] }));
  return { engine: { submit } as unknown as SubmissionEngine, submit };
}

const guarded = (state: PolicyState) => {
  const e = engine();
  return {
    ...e,
    outbox: withPolicy(e.engine, { readPolicy: async () => state, now: () => new Date('2026-12-03') }),
  };
};

describe('withPolicy', () => {
  it('refuses an order that breaks the policy before the outbox sees it', async () => {
    const { outbox, submit } = guarded(parsePolicy({ allowedProducts: ['ssl_basic'] }));
    const result = await outbox.submit(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['policy_product_not_allowed']);
    expect(submit).not.toHaveBeenCalled();
  });

  it('hands an order that keeps the policy to the outbox', async () => {
    const { outbox, submit } = guarded(parsePolicy({ allowedProducts: ['ssl_ev_basic'] }));
    await outbox.submit(input);
    expect(submit).toHaveBeenCalledWith(input);
  });

  it('ignores a broken policy as a whole, and no policy at all', async () => {
    for (const state of [parsePolicy({ allowedProducts: ['ssl_basic'], region: 'asia' }), parsePolicy({})]) {
      const { outbox, submit } = guarded(state);
      await outbox.submit(input);
      expect(submit).toHaveBeenCalledOnce();
    }
  });
});
