import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Problem } from '@/lib/order/problem';
import { curlCommand } from '@/lib/order-form/curl';
import { maskCard } from '@/lib/order-form/mask';
import type { Region } from '@/lib/region';
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
      setCopied(t('popup_copied_curl'));
    } catch {
      setCopied(t('popup_clipboard_unavailable'));
    }
  }

  return (
    <section class="stack" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('popup_review_heading')}</h2>
      <p class="muted">{t(paysByCard ? 'popup_review_intro_card' : 'popup_review_intro', productName)}</p>
      {(warnings.length > 0 || organization) && (
        <ul class="warnings" aria-label={t('popup_before_you_send')}>
          {organization && <li key="organization-validation">{organization.message}</li>}
          {warnings.map((w) => (
            <li key={`${w.path}${w.code}`}>{w.message}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="order-body">{t('popup_request_body')}</label>
        <textarea
          id="order-body"
          class="mono body"
          translate={false}
          readOnly
          rows={14}
          spellcheck={false}
          value={JSON.stringify(maskCard(body), null, 2)}
        />
      </div>
      <div class="row">
        <button type="button" onClick={onEdit} disabled={submitting}>
          {t('popup_edit')}
        </button>
        <button type="button" onClick={copyCurl}>
          {t('popup_copy_curl')}
        </button>
        <button type="button" class="primary" onClick={onSubmit} disabled={submitting}>
          {submitting ? t('popup_sending') : t('popup_place_order')}
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
