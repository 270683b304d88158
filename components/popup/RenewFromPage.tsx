import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t, tn } from '@/lib/i18n';
import { formatList, formatNumber } from '@/lib/i18n/format';
import { type RenewalCandidate, sendToBackground, type UserError } from '@/lib/messaging';
import { nativeBrowser } from '@/lib/native-browser';
import { daysLeft, templatesFor } from '@/lib/renewal/present';
import type { TemplateSummary } from '@/lib/templates/summaries';
import { Notice } from '../Notice';

type Unconfirmed = { orderId: number; reason: string };

type Props = {
  templates: TemplateSummary[];
  onRenew: (templateId: string, order: RenewalCandidate) => void;
  onReissue: (order: RenewalCandidate) => void;
};

const GUARD_TITLES: Record<RenewalCandidate['guards'][number]['kind'], MessageKey> = {
  'reissue-instead': 'renewal_guard_reissue_instead',
  'already-renewed': 'renewal_guard_already_renewed',
  'renewal-in-progress': 'renewal_guard_in_progress',
  'not-renewable': 'renewal_guard_not_renewable',
};

/** Product, organization and status as CertCentral names them, then the days left in words. */
function Facts({ order }: { order: RenewalCandidate }) {
  const days = daysLeft(order.daysRemaining);
  return (
    <p class="hint">
      <span translate={false}>{`${order.product.name} · ${order.organization.name} · ${order.status}`}</span>
      {days && ' · '}
      {days}
    </p>
  );
}

const CONSOLE_PAGES = ['https://www.digicert.com/secure/*', 'https://certcentral.digicert.eu/secure/*'];

/**
 * The CertCentral tab the person is looking at: the active tab when it is a console page, otherwise
 * (the popup open as a tab of its own, say) the console tab they used last.
 */
async function consoleTab() {
  const api = nativeBrowser();
  // Host permissions reveal the URL of console tabs only, so an active tab without one is not a console.
  const consoles = await api.tabs.query({ url: CONSOLE_PAGES });
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  const activeConsole = consoles.find((t) => t.id === active?.id);
  if (activeConsole) return activeConsole;
  return consoles.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

const PAGE_REPORT_TRIES = 8;
const PAGE_REPORT_WAIT_MS = 500;
const isEmpty = (page: { orders: unknown[]; unconfirmed: unknown[] }) =>
  page.orders.length === 0 && page.unconfirmed.length === 0;

/** The popup leads with the order(s) on the CertCentral page in the active tab, confirmed through the API. */
export function RenewFromPage({ templates, onRenew, onReissue }: Props) {
  const [orders, setOrders] = useState<RenewalCandidate[] | null>(null);
  const [unconfirmed, setUnconfirmed] = useState<Unconfirmed[]>([]);
  const [error, setError] = useState<UserError | null>(null);
  const [chosen, setChosen] = useState<Record<number, string>>({});

  useEffect(() => {
    void (async () => {
      const tab = await consoleTab();
      if (tab?.id === undefined) return;
      const ask = () =>
        sendToBackground('getPageRenewals', { tabId: tab.id as number }).catch((e: unknown) => {
          setError({
            title: t('renewal_page_check_failed'),
            detail: t('renewal_background_no_answer', e instanceof Error ? e.message : String(e)),
          });
          return null;
        });
      let reply = await ask();
      // A page that has just loaded may not have reported its orders yet (the reader runs once the
      // page is idle): ask again for a few seconds before showing nothing.
      for (let tries = 0; tries < PAGE_REPORT_TRIES && reply?.ok && isEmpty(reply.value); tries++) {
        await new Promise((resolve) => setTimeout(resolve, PAGE_REPORT_WAIT_MS));
        reply = await ask();
      }
      if (!reply) return;
      if (reply.ok) {
        setOrders(reply.value.orders);
        setUnconfirmed(reply.value.unconfirmed);
      } else if (reply.error.code !== 'no_api_key') setError(reply.error);
    })();
  }, []);

  if (error)
    return (
      <Notice tone="error" title={error.title}>
        {error.detail && <p>{error.detail}</p>}
      </Notice>
    );
  if (!orders) return null;
  // An order the page shows but the API could not confirm is said with the reason, never left blank.
  const notConfirmed = unconfirmed.length > 0 && (
    <Notice
      tone="warn"
      title={
        unconfirmed.length === 1
          ? t('renewal_unconfirmed_one_order', String(unconfirmed[0]?.orderId))
          : tn(unconfirmed.length, 'renewal_unconfirmed_count_one', 'renewal_unconfirmed_count_other')
      }
    >
      <ul class="plain">
        {unconfirmed.slice(0, 3).map((u) => (
          <li key={u.orderId}>{u.reason}</li>
        ))}
        {unconfirmed.length > 3 && <li>{t('common_and_more', formatNumber(unconfirmed.length - 3))}</li>}
      </ul>
    </Notice>
  );
  if (orders.length === 0) return notConfirmed || null;
  const shown = orders.slice(0, 3);
  return (
    <section class="card stack renew" aria-labelledby="renew-heading">
      <h2 id="renew-heading">
        {orders.length === 1
          ? t('renewal_renew_order', String(orders[0]?.orderId))
          : tn(orders.length, 'renewal_orders_on_page_one', 'renewal_orders_on_page_other')}
      </h2>
      {notConfirmed}
      {shown.map((order) => {
        const options = templatesFor(order, templates);
        const templateId = chosen[order.orderId] ?? options[0]?.id ?? '';
        return (
          <div key={order.orderId} class="stack renew-order">
            <div>
              <strong translate={false}>{order.commonName}</strong>
              {orders.length > 1 && (
                <span class="muted">
                  {' · '}
                  {t('history_order_number', String(order.orderId))}
                </span>
              )}
              <Facts order={order} />
              {order.dnsNames.length > 0 && (
                <p class="hint">{t('renewal_also_names', formatList(order.dnsNames))}</p>
              )}
            </div>
            {order.guards.map((guard) => (
              <Notice key={guard.kind} tone="warn" title={t(GUARD_TITLES[guard.kind])}>
                <p>{guard.message}</p>
                {guard.kind === 'reissue-instead' && (
                  <button type="button" onClick={() => onReissue(order)}>
                    {t('renewal_reissue_instead')}
                  </button>
                )}
              </Notice>
            ))}
            {options.length > 0 ? (
              <div class="row">
                <label class="visually-hidden" for={`renew-template-${order.orderId}`}>
                  {t('renewal_template_for', String(order.orderId))}
                </label>
                <select
                  id={`renew-template-${order.orderId}`}
                  value={templateId}
                  onChange={(e) => setChosen({ ...chosen, [order.orderId]: e.currentTarget.value })}
                >
                  {options.map((t) => (
                    <option key={t.id} value={t.id} translate={false}>
                      {t.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="primary"
                  disabled={!templateId}
                  onClick={() => onRenew(templateId, order)}
                >
                  {t('renewal_renew_ask')}
                </button>
              </div>
            ) : (
              <p class="muted">{t('renewal_create_template_first')}</p>
            )}
          </div>
        );
      })}
      {orders.length > 1 && (
        <button
          type="button"
          class="link"
          onClick={() => {
            const api = nativeBrowser();
            void api.tabs.create({
              url: api.runtime.getURL(`/options.html#renew=${orders.map((o) => o.orderId).join(',')}`),
            });
            window.close();
          }}
        >
          {t('renewal_renew_several')}
        </button>
      )}
    </section>
  );
}
