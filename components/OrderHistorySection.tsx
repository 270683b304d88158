import { useState } from 'preact/hooks';
import { filterSubmissions, type HistoryFilter } from '@/lib/history/filter';
import { sendToBackground, type UserError } from '@/lib/messaging';
import { downloadText } from './download';
import { Notice } from './Notice';
import { SubmissionItem } from './SubmissionItem';
import { useSubmissions } from './useSubmissions';

const STATUS_CHOICES: { id: HistoryFilter['status']; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'attention', label: 'Needs attention' },
  { id: 'active', label: 'Being sent or checked' },
  { id: 'waiting', label: 'Waiting (placed)' },
  { id: 'done', label: 'Issued' },
  { id: 'ended', label: 'Rejected or canceled' },
  { id: 'failed', label: 'Not placed' },
];

/** Options page: every submission, filterable, exportable, with cancel / check again / download. */
export function OrderHistorySection({ now }: { now: Date }) {
  const { list, error, reload } = useSubmissions();
  const [filter, setFilter] = useState<HistoryFilter>({ text: '', status: 'all' });
  const [exportError, setExportError] = useState<UserError | null>(null);
  const shown = list ? filterSubmissions(list.submissions, filter) : [];

  async function exportAll() {
    const result = await sendToBackground('exportHistory', undefined);
    if (!result.ok) return setExportError(result.error);
    setExportError(null);
    downloadText(result.value.filename, result.value.json);
  }

  return (
    <section id="orders" class="card stack" aria-labelledby="orders-heading">
      <div class="row spread">
        <h2 id="orders-heading">Orders</h2>
        <div class="row">
          <button type="button" onClick={() => reload(true)}>
            Check statuses now
          </button>
          <button type="button" onClick={exportAll} disabled={!list || list.submissions.length === 0}>
            Export history (JSON)
          </button>
        </div>
      </div>
      <div class="row filters">
        <div class="field grow">
          <label for="history-search">Search orders</label>
          <input
            id="history-search"
            type="text"
            placeholder="Common name, order number, template"
            value={filter.text}
            onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="history-status">Order status</label>
          <select
            id="history-status"
            value={filter.status}
            onChange={(e) =>
              setFilter({ ...filter, status: e.currentTarget.value as HistoryFilter['status'] })
            }
          >
            {STATUS_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {(error ?? exportError) && (
        <Notice tone="error" title={(error ?? exportError)?.title ?? ''}>
          {(error ?? exportError)?.detail && <p>{(error ?? exportError)?.detail}</p>}
        </Notice>
      )}
      {list && list.submissions.length === 0 && (
        <p class="muted">No orders yet. Orders you submit appear here.</p>
      )}
      {list && list.submissions.length > 0 && shown.length === 0 && (
        <p class="muted">No orders match this search.</p>
      )}
      <ul class="submissions" aria-label="Order history">
        {shown.map((s) => (
          <SubmissionItem key={s.id} submission={s} now={now} onChanged={() => reload()} detailed />
        ))}
      </ul>
    </section>
  );
}
