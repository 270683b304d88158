// a credit card number or CVV is never stored — not in the outbox, the history,
// an export, a notification or a log. Every record of the private store is scanned after each flow.
import { beforeEach, describe, expect, it } from 'vitest';
import type { PostFault } from './testing/fake-certcentral';
import {
  CARD,
  CARD_NUMBER,
  CVV,
  cardBody,
  createHarness,
  EV,
  freshDatabase,
  type Harness,
  submitOk,
} from './testing/harness';

beforeEach(freshDatabase);

async function expectNoCardAnywhere(h: Harness): Promise<void> {
  const places = {
    store: await h.storedText(),
    export: await h.engine.exportHistory(),
    notifications: JSON.stringify(h.events),
    logs: JSON.stringify(h.logs),
  };
  for (const [where, text] of Object.entries(places)) {
    expect(text, where).not.toContain(CARD_NUMBER);
    expect(text, where).not.toContain(String(CVV));
    expect(text, where).not.toContain('credit_card');
    expect(text, where).not.toContain('cardholder_name');
  }
}

describe('the card is never stored', () => {
  it('placed at the first try, then followed to issued', async () => {
    const h = createHarness();
    const entry = await submitOk(h, { card: true });
    expect(entry.paysByCard).toBe(true);
    expect(h.fake.posted[0]?.credit_card).toMatchObject({ number: CARD_NUMBER, cvv: CVV });
    h.fake.setStatus(1001, 'issued');
    await h.engine.checkNow();
    await expectNoCardAnywhere(h);
  });

  it('kept in memory only while it may be needed, then forgotten', async () => {
    const h = createHarness();
    h.fake.faults.post.push({ kind: 'hang', store: false });
    const result = await h.engine.submit({ product: EV, request: cardBody(), card: CARD });
    expect(result.ok).toBe(true);
    expect(h.engine.cardsHeld()).toBe(1);
    await expectNoCardAnywhere(h);
    const h2 = createHarness();
    await submitOk(h2, { card: true });
    expect(h2.engine.cardsHeld()).toBe(0);
  });

  it.each<[string, PostFault[]]>([
    [
      'refused by CertCentral',
      [{ kind: 'refuse', errors: [{ code: 'card_declined', message: 'The card was declined.' }] }],
    ],
    ['response lost', [{ kind: 'lose-response' }]],
    ['network error then resend', [{ kind: 'network-before' }]],
    ['silent resend, duplicate canceled', [{ kind: 'silent-resend' }]],
    [
      'rate limited to the bound',
      Array.from({ length: 4 }, (): PostFault => ({ kind: 'status', status: 429 })),
    ],
  ])('%s', async (_name, faults) => {
    const h = createHarness();
    h.fake.faults.post.push(...faults);
    await submitOk(h, { card: true });
    await expectNoCardAnywhere(h);
  });

  it('a refused submission reports problems without storing anything', async () => {
    const h = createHarness();
    const result = await h.engine.submit({
      product: EV,
      request: cardBody(),
      card: { ...CARD, expiration_year: 2020 },
    });
    expect(result.ok).toBe(false);
    expect(await h.engine.list()).toEqual([]);
    expect(h.engine.cardsHeld()).toBe(0);
  });

  it('a card given inside the request body is taken out the same way', async () => {
    const h = createHarness();
    const result = await h.engine.submit({
      product: EV,
      request: { ...cardBody(), credit_card: CARD },
    });
    if (!result.ok) throw new Error('refused');
    await result.processing;
    expect(h.fake.posted[0]?.credit_card).toMatchObject({ number: CARD_NUMBER });
    await expectNoCardAnywhere(h);
  });
});
