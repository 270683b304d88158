import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';
import { sendToBackground, type UserError } from '@/lib/messaging';
import { filterSubmissions, type HistoryFilter } from '@/lib/outbox/filter';
import { downloadText } from './download';
import { HistoryTabs } from './history/HistoryTabs';
import { TeamOrders } from './history/TeamOrders';
import { useOrderTarget } from './history/useOrderTarget';
import { Notice } from './Notice';
import { SubmissionItem } from './SubmissionItem';
import { useSubmissions } from './useSubmissions';

const STATUS_CHOICES: { id: HistoryFilter['status']; label: MessageKey }[] = [
  { id: 'all', label: 'history_filter_all' },
  { id: 'attention', label: 'history_filter_attention' },
  { id: 'active', label: 'history_filter_active' },
  { id: 'waiting', label: 'history_filter_waiting' },
  { id: 'done', label: 'history_filter_done' },
  { id: 'ended', label: 'history_filter_ended' },
  { id: 'failed', label: 'history_filter_failed' },
];

type View = 'browser' | 'team';

/**
 * Options page: this browser's submissions (filterable, exportable, with cancel / check again /
 * download) and, beside them, the account's recent orders whoever placed them.
 */
export function OrderHistorySection({ now }: { now: Date }) {
  const target = useOrderTarget();
  const [view, setView] = useState<View>('browser');
  // A notification leads to one of this browser's orders: that view shows it.
  useEffect(() => {
    if (target !== undefined) setView('browser');
  }, [target]);

  return (
    <section id="orders" class="card stack" aria-labelledby="orders-heading">
      <h2 id="orders-heading">{t('history_heading')}</h2>
      <HistoryTabs
        idBase="history"
        label={t('history_views_label')}
        tabs={[
          {
            id: 'browser',
            label: t('history_view_browser'),
            panel: () => <BrowserSubmissions now={now} target={target} />,
          },
          { id: 'team', label: t('history_view_team'), panel: () => <TeamOrders now={now} /> },
        ]}
        selected={view}
        onSelect={setView}
      />
    </section>
  );
}

function BrowserSubmissions({ now, target }: { now: Date; target: number | undefined }) {
  const { list, error, reload } = useSubmissions();
  const [filter, setFilter] = useState<HistoryFilter>({ text: '', status: 'all' });
  const [exportError, setExportError] = useState<UserError | null>(null);
  const shown = list ? filterSubmissions(list.submissions, filter) : [];
  const loaded = list !== null && list !== undefined;

  // Once the list is there, the target order's item is brought into view.
  useEffect(() => {
    if (loaded && target !== undefined)
      document.getElementById(`order-${target}`)?.scrollIntoView({ block: 'start' });
  }, [loaded, target]);

  async function exportAll() {
    const result = await sendToBackground('exportHistory', undefined);
    if (!result.ok) return setExportError(result.error);
    setExportError(null);
    downloadText(result.value.filename, result.value.json);
  }

  const shownError = error ?? exportError;
  return (
    <>
      <div class="row spread">
        <p class="muted">{t('history_browser_intro')}</p>
        <div class="row">
          <button type="button" onClick={() => reload(true)}>
            {t('history_check_now')}
          </button>
          <button type="button" onClick={exportAll} disabled={!list || list.submissions.length === 0}>
            {t('history_export')}
          </button>
        </div>
      </div>
      <div class="row filters">
        <div class="field grow">
          <label for="history-search">{t('history_search_label')}</label>
          <input
            id="history-search"
            type="text"
            placeholder={t('history_search_placeholder')}
            value={filter.text}
            onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="history-status">{t('history_status_label')}</label>
          <select
            id="history-status"
            value={filter.status}
            onChange={(e) =>
              setFilter({ ...filter, status: e.currentTarget.value as HistoryFilter['status'] })
            }
          >
            {STATUS_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shownError && (
        <Notice tone="error" title={shownError.title}>
          {shownError.detail && <p>{shownError.detail}</p>}
        </Notice>
      )}
      {list && list.submissions.length === 0 && <p class="muted">{t('history_empty')}</p>}
      {list && list.submissions.length > 0 && shown.length === 0 && (
        <p class="muted">{t('history_no_match')}</p>
      )}
      <ul class="submissions" aria-label={t('history_list_label')}>
        {shown.map((s) => (
          <SubmissionItem
            key={s.id}
            submission={s}
            now={now}
            onChanged={() => reload()}
            detailed
            target={s.orderId !== undefined && s.orderId === target}
          />
        ))}
      </ul>
    </>
  );
}
