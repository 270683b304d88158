/**
 * One order of a bulk renewal, from `waiting` (or `submitting` after a restart) to its result:
 * submitted with its submission id, failed with the reason in words, or skipped with why.
 */
import { getOrder } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
// `t` names the transport here; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import type { SubmissionEngine } from '../outbox';
import { sayUserError } from '../outbox/context';
import type { OutboxEntry } from '../outbox/entry';
import type { Reply } from '../reply';
import type { Template } from '../templates/model';
import { planRenewal } from './bulk-plan';
import type { BulkItem } from './bulk-store';
import { reusableCsr } from './candidate';
import { unconfirmedReason } from './confirm';
import { blockingGuard, renewalGuards, renewalsInOutbox } from './guards';

export interface ItemDeps {
  engine: Pick<SubmissionEngine, 'submit' | 'list' | 'get'>;
  transport: () => Promise<Reply<Transport>>;
  now: () => Date;
  template: Template;
  item: BulkItem;
  setItem: (patch: Partial<BulkItem>) => Promise<unknown>;
}

/** The item's result from its outbox entry: the engine goes on with it from there. */
export function resultOf(entry: OutboxEntry, renewedId: string): Partial<BulkItem> {
  const base = { submissionId: entry.id };
  // Another browser or person renews this order already: nothing was ordered, and that is no failure.
  if (entry.renewedElsewhere) {
    return { ...base, state: 'skipped', message: entry.note ?? say('renewal_not_placed') };
  }
  if (entry.state === 'failed') {
    const said = entry.messages.map((m) => m.message).join('; ');
    return {
      ...base,
      state: 'failed',
      message: said || entry.note || say('renewal_not_placed'),
    };
  }
  const message =
    entry.state === 'placed' && entry.orderId !== undefined
      ? say('renewal_submitted_placed', [String(entry.orderId), renewedId])
      : say('renewal_submitted_outbox', renewedId);
  return { ...base, state: 'submitted', message };
}

export async function submitOne(deps: ItemDeps): Promise<void> {
  const { item, engine } = deps;
  const orderId = item.orderId;
  // The renewed order's number: the result says whose CSR was reused.
  const renewedId = String(orderId);
  if (item.state === 'submitting' && item.submittingAt) {
    // The worker stopped during this item: an entry made since it started is its own.
    const since = item.submittingAt;
    const own = (await engine.list()).find(
      (e) => e.request.renewal_of_order_id === orderId && e.createdAt >= since,
    );
    if (own) {
      await deps.setItem(resultOf(own, renewedId));
      return;
    }
  } else await deps.setItem({ state: 'submitting', submittingAt: deps.now().toISOString() });

  const t = await deps.transport();
  if (!t.ok) {
    await deps.setItem({ state: 'failed', message: sayUserError(t.error) });
    return;
  }
  let order: Awaited<ReturnType<typeof getOrder>>;
  let readAt: Date;
  try {
    order = await getOrder(t.value, orderId);
    readAt = deps.now();
  } catch (error) {
    await deps.setItem({ state: 'failed', message: unconfirmedReason(orderId, error) });
    return;
  }
  const commonName = order.certificate?.common_name ?? say('renewal_order_fallback_name', String(orderId));
  const renewals = renewalsInOutbox(await engine.list());
  const guards = renewalGuards(order, { now: deps.now(), renewals });
  const blocking = blockingGuard(guards);
  if (blocking) {
    await deps.setItem({ commonName, state: 'skipped', message: blocking.message });
    return;
  }
  const csr = reusableCsr(order);
  if (!csr) {
    await deps.setItem({
      commonName,
      state: 'skipped',
      message: say('renewal_no_csr', String(orderId)),
    });
    return;
  }
  const plan = planRenewal(deps.template, order, csr);
  if (!plan.ok) {
    await deps.setItem({ commonName, state: 'failed', message: plan.message });
    return;
  }
  const result = await engine.submit({
    product: deps.template.product,
    request: plan.body,
    template: { id: deps.template.id, name: deps.template.name },
    renewal: true,
    // Just read, and naming no renewal: the outbox looks the renewal's id up without reading it again.
    ...(typeof order.renewed_order_id === 'number' && order.renewed_order_id > 0
      ? {}
      : { renewedOrderReadAt: readAt }),
  });
  if (!result.ok) {
    const problems = result.problems.map((p) => p.message).join('; ');
    await deps.setItem({ commonName, state: 'failed', message: say('renewal_not_submitted', problems) });
    return;
  }
  // Written at once: from here on a restart finds this entry instead of submitting again.
  await deps.setItem({ commonName, submissionId: result.entry.id });
  await result.processing;
  const entry = (await engine.get(result.entry.id)) ?? result.entry;
  const advice = guards.find((g) => g.kind === 'reissue-instead');
  const outcome = resultOf(entry, renewedId);
  await deps.setItem({
    commonName,
    ...outcome,
    ...(advice && outcome.state === 'submitted'
      ? { message: say('renewal_with_note', [outcome.message ?? '', advice.message]) }
      : {}),
  });
}
