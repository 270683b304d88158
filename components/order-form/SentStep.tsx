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
  /** The draft has done its job: its order was placed, or another renewal of the order came first. */
  onDraftDone: () => void;
  onBackToForm: () => void;
  onDone: () => void;
};

/**
 * After "Place order": the submission as the engine moves it along, live; a refusal leads back to the
 * form. A renewal stopped because someone already renews the order (lib/outbox/renewal-guard.ts) is
 * no refusal: there is nothing to fix and send again, so the draft goes and the sentence says who.
 */
export function SentStep({ submission, alreadySent = false, onDraftDone, onBackToForm, onDone }: Props) {
  const { list, reload } = useSubmissions();
  const live = list?.submissions.find((s) => s.id === submission.id) ?? submission;
  const placed = live.state === 'placed';
  const elsewhere = live.renewedElsewhere === true;
  const failed = live.state === 'failed' && !elsewhere;
  useEffect(() => {
    if (placed || elsewhere) onDraftDone();
  }, [placed, elsewhere, onDraftDone]);
  const heading = elsewhere
    ? t('popup_sent_renewed_elsewhere_heading')
    : failed
      ? t('popup_sent_failed_heading')
      : t('popup_sent_heading');
  return (
    <section class="stack" aria-labelledby="sent-heading">
      <h2 id="sent-heading">{heading}</h2>
      {elsewhere ? (
        <Notice tone="warn" title={t('popup_nothing_ordered')}>
          {live.note && <p>{live.note}</p>}
        </Notice>
      ) : failed ? (
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
        <SubmissionItem
          submission={live}
          now={new Date()}
          onChanged={() => reload()}
          detailed={failed || elsewhere}
        />
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
