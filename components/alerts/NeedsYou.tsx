/**
 * The popup's first list: everything waiting for the administrator (lib/alerts/needs-you.ts), each
 * with its one next action, which opens the settings page at the right view (the Expiring view with
 * the order selected, or the order history). An order can be snoozed for a week from here; snoozed
 * items stay listed, last, so nothing disappears without a trace.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NeedsYouListView } from '@/lib/alerts/views';
import { t } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/format';
import { sendToBackground } from '@/lib/messaging';
import './alerts.css';

/** A week: the next daily check after it still leaves days before the next reminder day. */
export const SNOOZE_DAYS = 7;

export function NeedsYou({ onOpen }: { onOpen: (hash: string) => void }) {
  const [list, setList] = useState<NeedsYouListView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  useEffect(() => {
    void sendToBackground('getNeedsYou', undefined).then(
      (reply) => (reply.ok ? setList(reply.value) : setProblem(reply.error.title)),
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  async function snooze(orderId: number) {
    try {
      const reply = await sendToBackground('snoozeOrder', { orderId, days: SNOOZE_DAYS });
      if (!reply.ok) {
        setProblem([reply.error.title, reply.error.detail].filter(Boolean).join(' '));
        return;
      }
      setProblem(null);
      setList(reply.value.needsYou);
      setSaid(t('alerts_snoozed_done', String(orderId)));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  }

  const items = list?.items ?? [];
  // Nothing to show takes no room: the list arrives after the popup's first frame, and a section
  // appearing above the templates then would move them under the person's pointer as they click.
  if (!problem && items.length === 0) return null;
  return (
    <section class="needs-you stack" aria-labelledby="needs-you-heading">
      <h2 id="needs-you-heading">{t('alerts_needs_you_heading')}</h2>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {items.length > 0 && (
        <ul class="needs-you-list stack">
          {items.map((item, i) => {
            const id = `needs-you-${i}`;
            const key = `${item.kind}:${item.orderId ?? item.submissionId ?? i}`;
            return (
              <li key={key} class={item.snoozed ? 'needs-you-item snoozed' : 'needs-you-item'}>
                <p id={id}>{item.message}</p>
                {item.snoozed && <p class="muted">{t('alerts_needs_you_snoozed')}</p>}
                <div class="row">
                  <button
                    type="button"
                    class="primary"
                    aria-describedby={id}
                    onClick={() => onOpen(item.target)}
                  >
                    {item.action}
                  </button>
                  {item.orderId !== undefined && !item.snoozed && (
                    <button
                      type="button"
                      aria-describedby={id}
                      onClick={() => void snooze(item.orderId as number)}
                    >
                      {t('alerts_snooze_week')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {list?.checkedAt && <p class="muted">{t('alerts_last_checked', formatDate(list.checkedAt))}</p>}
      <p class="status-line" role="status">
        {said}
      </p>
    </section>
  );
}
