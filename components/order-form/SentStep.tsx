import { useEffect } from 'preact/hooks';
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
      <h2 id="sent-heading">
        {failed ? 'CertCentral did not take the order' : 'Order handed to the outbox'}
      </h2>
      {failed ? (
        <Notice tone="error" title="Nothing was ordered">
          <p>Your form is kept: go back, fix what CertCentral named, and send it again.</p>
        </Notice>
      ) : alreadySent ? (
        <Notice tone="warn" title="This order was already placed">
          <p>
            It was sent from another window before this one, so nothing new was ordered. This is that order,
            followed as usual.
          </p>
        </Notice>
      ) : (
        <p class="muted">
          The extension sends it once, checks that CertCentral received it, and follows it until the
          certificate is issued. You can close this popup.
        </p>
      )}
      <ul class="submissions">
        <SubmissionItem submission={live} now={new Date()} onChanged={() => reload()} detailed={failed} />
      </ul>
      <div class="row">
        {failed ? (
          <button type="button" class="primary" onClick={onBackToForm}>
            Back to the form
          </button>
        ) : (
          <button type="button" class="primary" onClick={onDone}>
            New order
          </button>
        )}
      </div>
    </section>
  );
}
