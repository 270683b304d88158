// Reissue: `POST /order/certificate/{order_id}/reissue`. DigiCert documents it for Multi-year Plans:
// the order's coverage is served by reissued certificates at no extra cost (docs/certcentral-api.md "Certificate validity":
// "A multi-year order is served by reissues inside the order's validity"). Body
// `{certificate: {common_name, dns_names, csr, signature_hash, server_platform}}` → 201
// `{id, requests: [{id, status}]}`. Never retried: the transport does not repeat a POST, and a lost
// answer may hide a reissue already requested (check the order before sending again).
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { listOf, opt } from './schemas';
import type { Transport } from './transport';
import { segment } from './transport-util';

export interface ReissueBody {
  certificate: {
    common_name: string;
    dns_names?: string[];
    csr: string;
    signature_hash?: string;
    server_platform?: { id: number };
  };
  comments?: string;
}

export const ReissueResponseSchema = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    requests: listOf(z.looseObject({ id: z.number(), status: opt(z.string()) })),
  }),
);
export type ReissueResponse = z.infer<typeof ReissueResponseSchema>;

export function reissueOrder(t: Transport, orderId: number, body: ReissueBody): Promise<ReissueResponse> {
  return t.post(`/order/certificate/${segment(orderId)}/reissue`, body, ReissueResponseSchema);
}
