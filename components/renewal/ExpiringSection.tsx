import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type BulkRenewal,
  type RenewalCandidate,
  sendToBackground,
  type UnreadableItemView,
  type UserError,
} from '@/lib/messaging';
import { daysLeft, templatesFor } from '@/lib/renewal/present';
import type { TemplateSummary } from '@/lib/templates/summaries';
import { readTemplateSummaries } from '@/lib/templates/summaries';
import { Notice } from '../Notice';
import { BulkProgress } from './BulkProgress';

const RANGES = [30, 60, 90, 180, 365];

/** Order ids handed over from the popup's "renew several" (`#renew=1,2,3`). */
function idsFromHash(): number[] {
  const match = location.hash.match(/^#renew=([\d,]+)$/);
  return match?.[1] ? match[1].split(',').map(Number).filter(Number.isSafeInteger) : [];
}

/** Options page: orders expiring soon, from the API, filtered; select several, pick a template, renew them in one go. */
export function ExpiringSection() {
  const preselected = useMemo(idsFromHash, []);
  const [withinDays, setWithinDays] = useState(preselected.length > 0 ? 365 : 30);
  const [product, setProduct] = useState('');
  const [organization, setOrganization] = useState('');
  const [container, setContainer] = useState('');
  const [orders, setOrders] = useState<RenewalCandidate[] | null>(null);
  const [unreadable, setUnreadable] = useState<UnreadableItemView[]>([]);
  const [error, setError] = useState<UserError | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set(preselected));
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [run, setRun] = useState<BulkRenewal | null>(null);

  useEffect(() => {
    void readTemplateSummaries().then(setTemplates);
  }, []);
  useEffect(() => {
    setOrders(null);
    setUnreadable([]);
    void sendToBackground('listExpiringOrders', { withinDays }).then(
      (reply) => {
        if (reply.ok) {
          setOrders(reply.value.orders);
          setUnreadable(reply.value.unreadable ?? []);
          setError(null);
        } else setError(reply.error);
      },
      (e: unknown) =>
        setError({
          title: 'The extension’s background did not answer.',
          detail: e instanceof Error ? e.message : String(e),
        }),
    );
  }, [withinDays]);

  const shown = (orders ?? []).filter(
    (o) =>
      (!product || o.product.nameId === product) && (!organization || o.organization.name === organization),
  );
  const products = [...new Map((orders ?? []).map((o) => [o.product.nameId, o.product.name])).entries()];
  const organizations = [...new Set((orders ?? []).map((o) => o.organization.name))];
  const containers = [...new Set((orders ?? []).flatMap((o) => (o.container ? [o.container.name] : [])))];
  const chosen = shown.filter((o) => selected.has(o.orderId));
  const templateChoices = chosen[0] ? templatesFor(chosen[0], templates) : templates;
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  async function renew() {
    const id = templateId || templateChoices[0]?.id;
    if (!id) return;
    const reply = await sendToBackground('startBulkRenewal', {
      templateId: id,
      orderIds: chosen.map((o) => o.orderId),
    });
    if (reply.ok) setRun(reply.value);
    else setError(reply.error);
  }

  return (
    <section id="renew" class="card stack" aria-labelledby="expiring-heading">
      <h2 id="expiring-heading">Expiring certificates</h2>
      <p class="muted">
        Issued orders from your account whose certificate ends soon. Each renewal becomes its own order in the
        outbox.
      </p>
      <div class="row filters">
        <div class="field">
          <label for="expiring-days">Expiring within</label>
          <select
            id="expiring-days"
            value={withinDays}
            onChange={(e) => setWithinDays(Number(e.currentTarget.value))}
          >
            {RANGES.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="expiring-product">Filter by product</label>
          <select id="expiring-product" value={product} onChange={(e) => setProduct(e.currentTarget.value)}>
            <option value="">All products</option>
            {products.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="expiring-organization">Filter by organization</label>
          <select
            id="expiring-organization"
            value={organization}
            onChange={(e) => setOrganization(e.currentTarget.value)}
          >
            <option value="">All organizations</option>
            {organizations.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="expiring-container">Filter by division</label>
          <select
            id="expiring-container"
            value={container}
            onChange={(e) => setContainer(e.currentTarget.value)}
          >
            <option value="">All divisions</option>
            {containers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
      {orders === null && !error && (
        <p class="muted" role="status">
          Loading orders from CertCentral…
        </p>
      )}
      {unreadable.length > 0 && (
        <Notice
          tone="warn"
          title={`CertCentral listed ${unreadable.length === 1 ? 'an order' : `${unreadable.length} orders`} that could not be read`}
        >
          <p>
            {unreadable.length === 1 ? 'It is' : 'They are'} left out below and may expire too: check{' '}
            {unreadable.length === 1 ? 'it' : 'them'} in CertCentral. The other orders can be renewed here.
          </p>
          <ul class="plain">
            {unreadable.slice(0, 5).map((u) => (
              <li key={u.label}>
                {u.label}: {u.reason}
              </li>
            ))}
            {unreadable.length > 5 && <li>And {unreadable.length - 5} more.</li>}
          </ul>
        </Notice>
      )}
      {orders && shown.length === 0 && <p class="muted">No issued order expires within {withinDays} days.</p>}
      {shown.length > 0 && (
        <ul class="submissions" aria-label="Expiring orders">
          {shown.map((o) => (
            <li key={o.orderId} class="submission">
              <label class="expiring-row">
                <input type="checkbox" checked={selected.has(o.orderId)} onChange={() => toggle(o.orderId)} />
                <span>
                  <strong>{o.commonName}</strong> · order #{o.orderId}
                  <span class="hint">
                    {' '}
                    · {o.product.name} · {o.organization.name}
                    {o.daysRemaining !== undefined ? ` · ${daysLeft(o.daysRemaining)}` : ''}
                  </span>
                </span>
              </label>
              {o.guards.map((g) => (
                <p key={g.kind} class="submission-note warn-text">
                  {g.message}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && !run && (
        <div class="row">
          <label for="bulk-template">Template</label>
          <select
            id="bulk-template"
            value={templateId || templateChoices[0]?.id}
            onChange={(e) => setTemplateId(e.currentTarget.value)}
          >
            {templateChoices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="button" class="primary" disabled={templateChoices.length === 0} onClick={renew}>
            Renew {chosen.length} selected
          </button>
        </div>
      )}
      {run && <BulkProgress initial={run} />}
    </section>
  );
}
