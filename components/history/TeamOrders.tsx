import { useEffect } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import type { TeamOrder } from '@/lib/team/views';
import { Notice } from '../Notice';
import { TeamOrderItem } from './TeamOrderItem';
import { useTeamOrders } from './useTeamOrders';

/**
 * The account's recent orders, whoever placed them: read from CertCentral when this view opens and
 * on Refresh, so a colleague's order is seen before ordering the same certificate again.
 */
export function TeamOrders({ now }: { now: Date }) {
  const { state, load } = useTeamOrders();
  useEffect(() => {
    void load();
  }, [load]);

  const team = state.kind === 'ready' ? state.team : state.kind === 'idle' ? undefined : state.last;
  const loading = state.kind === 'loading' || state.kind === 'idle';
  const orders: TeamOrder[] = team?.orders ?? [];

  return (
    <div class="stack" aria-busy={loading}>
      <div class="row spread">
        <p class="muted">
          {team
            ? t('history_team_intro', [formatNumber(team.days), formatNumber(team.limit)])
            : t('history_team_intro_loading')}
        </p>
        <button type="button" onClick={() => void load()} disabled={loading}>
          {t('history_team_refresh')}
        </button>
      </div>
      <p class="muted" role="status">
        {loading
          ? t('history_team_loading')
          : team
            ? t('history_team_checked_at', formatDateTime(team.checkedAt))
            : ''}
      </p>
      {state.kind === 'failed' && (
        <Notice tone="error" title={state.error.title}>
          {state.error.detail && <p>{state.error.detail}</p>}
          <p>{t('history_team_failed_next_step')}</p>
        </Notice>
      )}
      {team && team.unreadable.length > 0 && (
        <Notice
          tone="warn"
          title={tn(team.unreadable.length, 'history_team_unreadable_one', 'history_team_unreadable_other')}
        >
          <ul class="plain">
            {team.unreadable.map((u) => (
              <li key={u.label}>
                {u.label}: {u.reason}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {team && team.detailsUnread > 0 && (
        <Notice
          tone="warn"
          title={tn(
            team.detailsUnread,
            'history_team_details_unread_one',
            'history_team_details_unread_other',
          )}
        />
      )}
      {team && orders.length === 0 && <p class="muted">{t('history_team_empty', formatNumber(team.days))}</p>}
      {orders.length > 0 && (
        <ul class="submissions" aria-label={t('history_team_list_label')}>
          {orders.map((order) => (
            <TeamOrderItem key={order.orderId} order={order} now={now} />
          ))}
        </ul>
      )}
      {team?.more && <p class="hint">{t('history_team_more', formatNumber(team.limit))}</p>}
    </div>
  );
}
