import { formatAgo } from '@/lib/format/time';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import type { Placer, TeamOrder } from '@/lib/team/views';

const TONES = { done: 'ok', waiting: 'waiting', ended: 'ended' } as const;

/** Who placed it, in words: this browser, the person CertCentral names, or that it is not known. */
export function placerWords(placer: Placer): string {
  switch (placer.kind) {
    case 'this-browser':
      return t('history_team_placed_by_this_browser');
    case 'person':
      return t('history_team_placed_by', placer.email ? `${placer.name} (${placer.email})` : placer.name);
    case 'unknown':
      return t('history_team_placed_by_unknown');
    case 'not-checked':
      return t('history_team_placed_by_not_checked');
  }
}

/** One of the account's recent orders: what it is, its status, when and by whom it was placed. */
export function TeamOrderItem({ order, now }: { order: TeamOrder; now: Date }) {
  const name = order.commonName ?? t('history_team_no_common_name');
  const who = placerWords(order.placedBy);
  return (
    <li class="submission" aria-label={t('history_team_item_label', [name, order.statusLabel, who])}>
      <div class="submission-head">
        <strong class="submission-name" translate={order.commonName ? false : undefined}>
          {name}
        </strong>
        <span class={`status ${TONES[order.statusWord]}`}>{order.statusLabel}</span>
      </div>
      <p class={`placed-by ${order.placedBy.kind}`}>{who}</p>
      <p class="hint">
        {order.productName && <span translate={false}>{order.productName}</span>}
        {order.productName && ' · '}
        {t('history_order_number', String(order.orderId))}
        {order.placedAt && ' · '}
        {order.placedAt && (
          <time dateTime={order.placedAt} title={formatDateTime(order.placedAt)} translate={false}>
            {formatAgo(order.placedAt, now)}
          </time>
        )}
      </p>
      {order.consoleUrl && (
        <div class="row submission-actions">
          <a href={order.consoleUrl} target="_blank" rel="noreferrer">
            {t('history_open_console')}
          </a>
        </div>
      )}
    </li>
  );
}
