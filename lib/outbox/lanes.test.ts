/** Submissions go first: placing an order and the lookups that decide a resend use the limiter's `first` lane. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, freshDatabase, submitOk } from './testing/harness';
import { FIRST_CHECK_MS } from './timing';

beforeEach(freshDatabase);

describe('which rate limiter lane each step asks for', () => {
  it('the POST asks for the first lane; following the placed order does not', async () => {
    const h = createHarness();
    const entry = await submitOk(h);
    expect(entry.state).toBe('placed');
    expect(h.lanes).toEqual(['first']);
    h.advance(FIRST_CHECK_MS);
    await h.engine.runDue();
    expect(h.lanes.slice(1).length).toBeGreaterThan(0);
    expect(h.lanes.slice(1).every((lane) => lane === undefined)).toBe(true);
  });

  it('the lookup deciding whether to resend after a lost answer asks for the first lane too', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'lose-response' });
    const entry = await submitOk(h);
    expect(entry.state).toBe('placed');
    expect(h.fake.calls.map((c) => `${c.method} ${c.path.split('/').slice(0, 3).join('/')}`)).toContain(
      'GET /order/alternate',
    );
    expect(h.lanes).toEqual(['first', 'first']);
  });
});
