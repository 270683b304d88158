import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type SubmissionList, sendToBackground, type UserError } from '@/lib/messaging';

const ACTIVE_POLL_MS = 1500;
const IDLE_POLL_MS = 10_000;

/**
 * The outbox and history as the background reports them. Polled while the page is open: faster
 * while something is in flight, slowly otherwise (the background follows orders with alarms).
 */
export function useSubmissions() {
  const [list, setList] = useState<SubmissionList | null>(null);
  const [error, setError] = useState<UserError | null>(null);

  const load = useCallback(async (refresh = false) => {
    try {
      const result = await sendToBackground('listSubmissions', { refresh });
      if (result.ok) {
        setList(result.value);
        setError(null);
      } else setError(result.error);
    } catch (caught) {
      setError({ title: t('history_load_failed'), detail: String(caught) });
    }
  }, []);

  const active =
    list?.submissions.some((s) => ['queued', 'sending', 'reconciling'].includes(s.state)) ?? false;
  useEffect(() => {
    void load();
    const timer = setInterval(
      () => {
        if (document.visibilityState === 'visible') void load();
      },
      active ? ACTIVE_POLL_MS : IDLE_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [load, active]);

  return { list, error, reload: load };
}
