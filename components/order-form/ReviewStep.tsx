import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/order/problem';
import { curlCommand } from '@/lib/order-form/curl';
import { maskCard } from '@/lib/order-form/mask';
import type { Region } from '@/lib/settings/preferences';
import { useOrganizationNotice } from './useOrganizationNotice';

const TODAY = new Date();

type Props = {
  product: string;
  productName: string;
  region: Region;
  body: Record<string, unknown>;
  warnings: Problem[];
  submitting: boolean;
  onEdit: () => void;
  onSubmit: () => void;
};

/** The exact request body before it is sent (the key never appears; a card is shown masked). */
export function ReviewStep({
  product,
  productName,
  region,
  body,
  warnings,
  submitting,
  onEdit,
  onSubmit,
}: Props) {
  const [copied, setCopied] = useState<string | null>(null);
  const paysByCard = body.payment_method === 'card';
  const organization = useOrganizationNotice(product, body, TODAY);

  async function copyCurl() {
    try {
      await navigator.clipboard.writeText(curlCommand(region, product, body));
      setCopied('Copied. The key is $DIGICERT_API_KEY; set it in your shell before running it.');
    } catch {
      setCopied('The clipboard is not available here; select the body and copy it by hand.');
    }
  }

  return (
    <section class="stack" aria-labelledby="review-heading">
      <h2 id="review-heading">Review the order</h2>
      <p class="muted">
        {productName}: this is the exact body the extension sends to CertCentral
        {paysByCard ? ' (the card number and CVV are hidden here)' : ''}.
      </p>
      {(warnings.length > 0 || organization) && (
        <ul class="warnings" aria-label="Before you send">
          {organization && <li key="organization-validation">{organization.message}</li>}
          {warnings.map((w) => (
            <li key={`${w.path}${w.code}`}>{w.message}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="order-body">Request body</label>
        <textarea
          id="order-body"
          class="mono body"
          readOnly
          rows={14}
          spellcheck={false}
          value={JSON.stringify(maskCard(body), null, 2)}
        />
      </div>
      <div class="row">
        <button type="button" onClick={onEdit} disabled={submitting}>
          Edit
        </button>
        <button type="button" onClick={copyCurl}>
          Copy as curl
        </button>
        <button type="button" class="primary" onClick={onSubmit} disabled={submitting}>
          {submitting ? 'Sending…' : 'Place order'}
        </button>
      </div>
      {copied && (
        <p class="hint" role="status">
          {copied}
        </p>
      )}
    </section>
  );
}
