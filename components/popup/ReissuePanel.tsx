import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type RenewalCandidate, sendToBackground, type UserError } from '@/lib/messaging';
import { Notice } from '../Notice';
import { CsrSection } from '../order-form/CsrSection';
import { useCsr } from '../order-form/useCsr';

/**
 * A free reissue inside a Multi-year Plan instead of a new paid order: a new CSR for the same names,
 * sent with `POST /order/certificate/{id}/reissue` by the background.
 */
export function ReissuePanel({ order, onClose }: { order: RenewalCandidate; onClose: () => void }) {
  const csr = useCsr('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const facts = csr.state.kind === 'parsed' && csr.state.facts.problems.length === 0 ? csr.state.facts : null;

  async function reissue() {
    if (!facts) return;
    setBusy(true);
    setError(null);
    try {
      const reply = await sendToBackground('reissueOrder', { orderId: order.orderId, csr: facts.pem });
      if (reply.ok) setDone(t('popup_reissue_requested_detail', String(reply.value.orderId)));
      else setError(reply.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="stack" aria-labelledby="reissue-heading">
      <button type="button" class="link" onClick={onClose}>
        {t('popup_back')}
      </button>
      <h2 id="reissue-heading">{t('popup_reissue_heading', String(order.orderId))}</h2>
      <p class="muted">{t('popup_reissue_intro', order.commonName)}</p>
      <CsrSection csr={csr} orderNames={{ commonName: order.commonName, dnsNames: order.dnsNames }} />
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
      {done ? (
        <Notice tone="ok" title={t('popup_reissue_requested')}>
          <p>{done}</p>
        </Notice>
      ) : (
        <button type="button" class="primary" disabled={!facts || busy} onClick={reissue}>
          {busy ? t('popup_requesting') : t('popup_request_reissue')}
        </button>
      )}
    </section>
  );
}
