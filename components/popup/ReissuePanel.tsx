import { useState } from 'preact/hooks';
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
      if (reply.ok)
        setDone(
          `Reissue requested for order #${reply.value.orderId}. CertCentral issues the new certificate on the same plan, at no charge.`,
        );
      else setError(reply.error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="stack" aria-labelledby="reissue-heading">
      <button type="button" class="link" onClick={onClose}>
        ← Back
      </button>
      <h2 id="reissue-heading">Reissue order #{order.orderId}</h2>
      <p class="muted">
        {order.commonName}: the plan still covers this domain, so a new certificate costs nothing. Give a new
        CSR for the same names.
      </p>
      <CsrSection csr={csr} orderNames={{ commonName: order.commonName, dnsNames: order.dnsNames }} />
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
      {done ? (
        <Notice tone="ok" title="Reissue requested">
          <p>{done}</p>
        </Notice>
      ) : (
        <button type="button" class="primary" disabled={!facts || busy} onClick={reissue}>
          {busy ? 'Requesting…' : 'Request the reissue'}
        </button>
      )}
    </section>
  );
}
