import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { SubmissionView } from '@/lib/messaging';
import { Notice } from '../Notice';
import { SubmissionItem } from '../SubmissionItem';
import { useSubmissions } from '../useSubmissions';

type Props = {
  submission: SubmissionView;
  /** "Place order" was pressed for a draft already placed (another window): nothing new was ordered. */
  alreadySent?: boolean;
  onPlaced: () => void;
  onBackToForm: () => void;
  onDone: () => void;
};

/** After "Place order": the submission as the engine moves it along, live; a refusal leads back to the form. */
export function SentStep({ submission, alreadySent = false, onPlaced, onBackToForm, onDone }: Props) {
  const { list, reload } = useSubmissions();
  const live = list?.submissions.find((s) => s.id === submission.id) ?? submission;
  const placed = live.state === 'placed';
  const failed = live.state === 'failed';
  useEffect(() => {
    if (placed) onPlaced();
  }, [placed, onPlaced]);
  return (
    <section class="stack" aria-labelledby="sent-heading">
      <h2 id="sent-heading">{failed ? t('popup_sent_failed_heading') : t('popup_sent_heading')}</h2>
      {failed ? (
        <Notice tone="error" title={t('popup_nothing_ordered')}>
          <p>{t('popup_form_kept')}</p>
        </Notice>
      ) : alreadySent ? (
        <Notice tone="warn" title={t('popup_already_placed_title')}>
          <p>{t('popup_already_placed')}</p>
        </Notice>
      ) : (
        <p class="muted">{t('popup_sent_explained')}</p>
      )}
      <ul class="submissions">
        <SubmissionItem submission={live} now={new Date()} onChanged={() => reload()} detailed={failed} />
      </ul>
      <div class="row">
        {failed ? (
          <button type="button" class="primary" onClick={onBackToForm}>
            {t('popup_back_to_form')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={onDone}>
            {t('popup_new_order')}
          </button>
        )}
      </div>
    </section>
  );
}
