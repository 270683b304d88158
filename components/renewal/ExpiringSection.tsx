import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/format';
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
          title: t('common_background_no_answer'),
          detail: e instanceof Error ? e.message : String(e),
        }),
    );
  }, [withinDays]);

  // Opened from an expiry reminder or the popup (`#renew=`): the page starts here, not at the top.
  const listed = orders !== null;
  useEffect(() => {
    if (listed && preselected.length > 0) document.getElementById('renew')?.scrollIntoView();
  }, [listed, preselected]);

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
      <h2 id="expiring-heading">{t('renewal_expiring_heading')}</h2>
      <p class="muted">{t('renewal_expiring_intro')}</p>
      <div class="row filters">
        <div class="field">
          <label for="expiring-days">{t('renewal_within_label')}</label>
          <select
            id="expiring-days"
            value={withinDays}
            onChange={(e) => setWithinDays(Number(e.currentTarget.value))}
          >
            {RANGES.map((d) => (
              <option key={d} value={d}>
                {t('renewal_within_days', formatNumber(d))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="expiring-product">{t('renewal_filter_product')}</label>
          <select id="expiring-product" value={product} onChange={(e) => setProduct(e.currentTarget.value)}>
            <option value="">{t('renewal_all_products')}</option>
            {products.map(([id, name]) => (
              <option key={id} value={id} translate={false}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="expiring-organization">{t('renewal_filter_organization')}</label>
          <select
            id="expiring-organization"
            value={organization}
            onChange={(e) => setOrganization(e.currentTarget.value)}
          >
            <option value="">{t('renewal_all_organizations')}</option>
            {organizations.map((name) => (
              <option key={name} value={name} translate={false}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="expiring-container">{t('renewal_filter_division')}</label>
          <select
            id="expiring-container"
            value={container}
            onChange={(e) => setContainer(e.currentTarget.value)}
          >
            <option value="">{t('renewal_all_divisions')}</option>
            {containers.map((name) => (
              <option key={name} value={name} translate={false}>
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
          {t('renewal_loading')}
        </p>
      )}
      {unreadable.length > 0 && (
        <Notice
          tone="warn"
          title={tn(unreadable.length, 'renewal_unreadable_title_one', 'renewal_unreadable_title_other')}
        >
          <p>{tn(unreadable.length, 'renewal_unreadable_detail_one', 'renewal_unreadable_detail_other')}</p>
          <ul class="plain">
            {unreadable.slice(0, 5).map((u) => (
              <li key={u.label}>{t('renewal_unreadable_item', [u.label, u.reason])}</li>
            ))}
            {unreadable.length > 5 && <li>{t('common_and_more', formatNumber(unreadable.length - 5))}</li>}
          </ul>
        </Notice>
      )}
      {orders && shown.length === 0 && (
        <p class="muted">{t('renewal_none_within', formatNumber(withinDays))}</p>
      )}
      {shown.length > 0 && (
        <ul class="submissions" aria-label={t('renewal_expiring_list')}>
          {shown.map((o) => (
            <li key={o.orderId} class="submission">
              <label class="expiring-row">
                <input type="checkbox" checked={selected.has(o.orderId)} onChange={() => toggle(o.orderId)} />
                <span>
                  <strong translate={false}>{o.commonName}</strong>
                  {' · '}
                  {t('history_order_number', String(o.orderId))}
                  <span class="hint">
                    {' · '}
                    <span translate={false}>{`${o.product.name} · ${o.organization.name}`}</span>
                    {o.daysRemaining !== undefined && ' · '}
                    {o.daysRemaining !== undefined && daysLeft(o.daysRemaining)}
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
          <label for="bulk-template">{t('renewal_template_label')}</label>
          <select
            id="bulk-template"
            value={templateId || templateChoices[0]?.id}
            onChange={(e) => setTemplateId(e.currentTarget.value)}
          >
            {templateChoices.map((t) => (
              <option key={t.id} value={t.id} translate={false}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="button" class="primary" disabled={templateChoices.length === 0} onClick={renew}>
            {t('renewal_renew_selected', formatNumber(chosen.length))}
          </button>
        </div>
      )}
      {run && <BulkProgress initial={run} />}
    </section>
  );
}
