import { t } from '@/lib/i18n';
import { formatTime } from '@/lib/i18n/format';
import type { ChoicesState } from '@/lib/templates/editor/choices';

type Props = { state: ChoicesState & { loading: boolean }; onRefresh: () => void };

/** Says where the editor's choices come from, or why they are unavailable (ids can still be typed). */
export function ChoicesStatus({ state, onRefresh }: Props) {
  const error = state.accountError;
  const time = state.account ? formatTime(state.account.fetchedAt) : '';
  return (
    <div class={`choices-status row spread${error ? ' notice warn' : ''}`}>
      <div role="status">
        {state.loading ? (
          <span>{t('editor_choices_loading')}</span>
        ) : error ? (
          <>
            <strong>{t('editor_choices_unavailable')}</strong>{' '}
            <span>
              {t('editor_choices_unavailable_detail', `${error.title} ${error.detail ?? ''}`.trim())}
            </span>
          </>
        ) : (
          <span class="muted">{t('editor_choices_loaded', time)}</span>
        )}
      </div>
      <button type="button" onClick={onRefresh} disabled={state.loading}>
        {t('editor_refresh_choices')}
      </button>
    </div>
  );
}
