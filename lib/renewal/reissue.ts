/**
 * "Reissue instead" (guard rails): a free reissue of a Multi-year Plan's certificate with a
 * new CSR, keeping the order's names, hash and server platform as `GET /order/certificate/{id}` gives
 * them. Sent once: a POST is never repeated by the transport (order-reissue.ts).
 */

import { reissueOrder } from '../certcentral/order-reissue';
import { getOrder } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
import { findCsrPem } from '../csr/pem';
// `t` names the transport here; the catalogue's messages are `say`.
import { t as say } from '../i18n';
import { formatDay } from '../i18n/format';
import { daysBetween, formatIsoDay, utcDay } from '../order/dates';
import type { Reply } from '../reply';
import { toUserError } from '../settings/service';
import { orderValidTill } from './guards';

const refuse = (title: string, detail: string, code: string): Reply<never> => ({
  ok: false,
  error: { title, detail, code },
});

export async function reissue(
  t: Transport,
  orderId: number,
  csrText: string,
  now: Date,
): Promise<Reply<{ orderId: number; requestId?: number }>> {
  const csr = findCsrPem(csrText);
  if (!csr.ok) return refuse(say('renewal_csr_unusable'), csr.message, `csr_${csr.code}`);
  try {
    const order = await getOrder(t, orderId);
    if (order.status !== 'issued') {
      return refuse(
        say('renewal_cannot_reissue'),
        say('renewal_cannot_reissue_status', [String(orderId), order.status]),
        'not_issued',
      );
    }
    const planEnd = orderValidTill(order);
    if (planEnd && daysBetween(utcDay(now), planEnd) <= 0) {
      return refuse(
        say('renewal_cannot_reissue'),
        say('renewal_cannot_reissue_ended', [String(orderId), formatDay(formatIsoDay(planEnd))]),
        'plan_ended',
      );
    }
    const cert = order.certificate;
    if (!cert?.common_name) {
      return refuse(
        say('renewal_cannot_reissue_here'),
        say('renewal_cannot_reissue_no_name', String(orderId)),
        'no_common_name',
      );
    }
    const placed = await reissueOrder(t, orderId, {
      certificate: {
        common_name: cert.common_name,
        ...(cert.dns_names?.length ? { dns_names: [...cert.dns_names] } : {}),
        csr: csr.pem,
        ...(cert.signature_hash ? { signature_hash: cert.signature_hash } : {}),
        ...(cert.server_platform ? { server_platform: { id: cert.server_platform.id } } : {}),
      },
    });
    const requestId = placed.requests.items[0]?.id;
    return { ok: true, value: { orderId: placed.id, ...(requestId !== undefined ? { requestId } : {}) } };
  } catch (error) {
    return { ok: false, error: toUserError(error) };
  }
}
