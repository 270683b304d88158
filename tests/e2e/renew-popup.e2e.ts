/**
 * Renewing the order on the open CertCentral page from the popup, on the production build against
 * the sandbox's console pages: the popup confirms the order through the API, offers a template, and
 * the order that reaches the sandbox names the renewed order (renewal_of_order_id). A Multi-year Plan
 * is offered a free reissue instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyAndCsr } from '../../lib/csr/index';
import type { StoredOrder } from '../sandbox/state';
import {
  type Connected,
  expectSentAsReviewed,
  openConsoleOrder,
  openPopup,
  pasteCsr,
  reviewedBody,
  startConnected,
  stopConnected,
} from '../support/setup';
import { evRenewalTemplate } from '../support/stored-templates';

const RENEWED = 10000001;
const PLAN = 10000004; // a 3-year plan whose certificate expires long before the plan
let run: Connected;

beforeAll(async () => {
  run = await startConnected({ templates: [evRenewalTemplate()] });
});

afterAll(() => stopConnected(run));

function seedOrder(id: number): StoredOrder {
  const order = run.sandbox.state.orders.find((o) => o.id === id);
  if (!order) throw new Error(`seed order ${id} missing`);
  return order;
}

/** A new key and CSR for the order's own names. */
async function csrFor(order: StoredOrder): Promise<string> {
  const dnsNames = order.dns_names.filter((n) => n !== order.common_name);
  return (await generateKeyAndCsr({ commonName: order.common_name, dnsNames, keyType: 'ECDSA-P256' })).csrPem;
}

describe('renew from the popup', () => {
  it('renews the order on the open CertCentral page, naming it in the new order', async () => {
    const order = seedOrder(RENEWED);
    await openConsoleOrder(run.browser, RENEWED);
    const popup = await openPopup(run.browser);
    await popup.getByRole('heading', { name: `Renew order #${RENEWED}` }).waitFor();
    // The page only suggested the id; the popup shows what the API confirmed.
    await popup.getByText(order.common_name, { exact: true }).waitFor();
    await popup.getByRole('button', { name: 'Renew…' }).click();

    const csrPem = await csrFor(order);
    await pasteCsr(popup, csrPem);
    const reviewed = await reviewedBody(popup);
    expect(reviewed).toMatchObject({
      renewal_of_order_id: RENEWED,
      certificate: { common_name: order.common_name, csr: csrPem },
      organization: { id: order.organization_id },
    });
    await popup.getByRole('button', { name: 'Place order' }).click();
    await popup.getByRole('heading', { name: 'Order handed to the outbox' }).waitFor();
    // Any browser renewing this order derives the same alternative_order_id, so CertCentral can say
    // whether it is already being renewed (docs/certcentral-api.md "Renewals placed elsewhere").
    await expectSentAsReviewed(run.sandbox, reviewed, new RegExp(`^renewal-of-${RENEWED}$`));
    expect(run.sandbox.state.orders.filter((o) => o.renewal_of_order_id === RENEWED)).toHaveLength(1);
  });

  it('offers a free reissue for a Multi-year Plan and requests it', async () => {
    const order = seedOrder(PLAN);
    await openConsoleOrder(run.browser, PLAN);
    const popup = await openPopup(run.browser);
    await popup.getByText('A free reissue may be enough').waitFor();
    await popup.getByRole('button', { name: 'Reissue for free instead…' }).click();
    await pasteCsr(popup, await csrFor(order));
    await popup.getByRole('button', { name: 'Request the reissue' }).click();
    await popup.getByText('Reissue requested', { exact: true }).waitFor();
    expect(order.reissues?.length).toBe(1);
    // A reissue is not a new order: nothing was ordered for it.
    expect(run.sandbox.state.orders.filter((o) => o.renewal_of_order_id === PLAN)).toHaveLength(0);
  });
});
