/**
 * "Reissue instead" (guard rails): a free reissue of a Multi-year Plan's certificate with a
 * new CSR, keeping the order's names, hash and server platform as `GET /order/certificate/{id}` gives
 * them. Sent once: a POST is never repeated by the transport (order-reissue.ts).
 */

import { reissueOrder } from '../certcentral/order-reissue';
import { getOrder } from '../certcentral/orders';
import type { Transport } from '../certcentral/transport';
import { findCsrPem } from '../csr/pem';
import { daysBetween, utcDay } from '../order/dates';
import { type Reply, toUserError } from '../settings/service';
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
  if (!csr.ok) return refuse('That CSR cannot be used.', csr.message, `csr_${csr.code}`);
  try {
    const order = await getOrder(t, orderId);
    if (order.status !== 'issued') {
      return refuse(
        'This order cannot be reissued.',
        `Order #${orderId} is ${order.status}: only an issued certificate can be reissued.`,
        'not_issued',
      );
    }
    const planEnd = orderValidTill(order);
    if (planEnd && daysBetween(utcDay(now), planEnd) <= 0) {
      return refuse(
        'This order cannot be reissued.',
        `Order #${orderId}'s plan ended on ${planEnd.toISOString().slice(0, 10)}: renew it instead.`,
        'plan_ended',
      );
    }
    const cert = order.certificate;
    if (!cert?.common_name) {
      return refuse(
        'This order cannot be reissued from here.',
        `CertCentral's answer for order #${orderId} names no certificate common name. Reissue it in CertCentral.`,
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
