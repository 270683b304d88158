import type { SubmissionView } from '@/lib/messaging';
import { SubmissionItem } from '../SubmissionItem';
import { useSubmissions } from '../useSubmissions';

/** After "Place order": the submission as the engine moves it along, live. */
export function SentStep({ submission, onDone }: { submission: SubmissionView; onDone: () => void }) {
  const { list, reload } = useSubmissions();
  const live = list?.submissions.find((s) => s.id === submission.id) ?? submission;
  return (
    <section class="stack" aria-labelledby="sent-heading">
      <h2 id="sent-heading">Order handed to the outbox</h2>
      <p class="muted">
        The extension sends it once, checks that CertCentral received it, and follows it until the certificate
        is issued. You can close this popup.
      </p>
      <ul class="submissions">
        <SubmissionItem submission={live} now={new Date()} onChanged={() => reload()} />
      </ul>
      <div class="row">
        <button type="button" class="primary" onClick={onDone}>
          New order
        </button>
      </div>
    </section>
  );
}
