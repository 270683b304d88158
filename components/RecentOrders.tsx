import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { SubmissionItem } from './SubmissionItem';
import { useSubmissions } from './useSubmissions';

const RECENT = 5;

/** Popup: the latest submissions, with a way to the full history. */
export function RecentOrders({ now }: { now: Date }) {
  const { list, reload } = useSubmissions();
  if (!list || list.submissions.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="recent-heading">
      <div class="row spread">
        <h2 id="recent-heading">{t('popup_recent_heading')}</h2>
        <button
          type="button"
          class="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#orders') })}
        >
          {t('popup_all_orders')}
        </button>
      </div>
      <ul class="submissions">
        {list.submissions.slice(0, RECENT).map((s) => (
          <SubmissionItem key={s.id} submission={s} now={now} onChanged={() => reload()} />
        ))}
      </ul>
    </section>
  );
}
