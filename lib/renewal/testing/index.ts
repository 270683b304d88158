/**
 * Tests only: a transport that answers GETs from a table (path → body or error) and records them,
 * and an order details body in the sandbox's shape.
 */
import type { z } from 'zod';
import { CertCentralError } from '../../certcentral/errors';
import type { Transport } from '../../certcentral/transport';

export type Answer = unknown | CertCentralError;

export function tableTransport(answer: (path: string, query?: Record<string, unknown>) => Answer) {
  const calls: string[] = [];
  const transport: Transport = {
    region: 'us',
    async get<T>(path: string, schema: z.ZodType<T>, query?: Record<string, unknown>) {
      calls.push(path);
      const reply = answer(path, query);
      if (reply instanceof CertCentralError) throw reply;
      return schema.parse(reply);
    },
    getText: async () => '',
    post: async () => {
      throw new Error('no POST expected');
    },
    put: async () => undefined,
  };
  return { transport, calls };
}

export function httpError(status: number, code: string): CertCentralError {
  return new CertCentralError({ kind: 'http', status, errors: [{ code, message: code }], message: code });
}

/** `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj /CN=host.example.com -nodes` */
export const TEST_CSR = `-----BEGIN CERTIFICATE REQUEST-----
MIHVMH0CAQAwGzEZMBcGA1UEAwwQaG9zdC5leGFtcGxlLmNvbTBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABIENAjofOMPtk58uBi+d0h1EPEx/n4XU3EL0Lsoz1C2i
WNrSe1ohDSMRS7dwOVM/nwT38MYOAsn/hZ+YLp1ApgqgADAKBggqhkjOPQQDAgNI
ADBFAiEA3wdND+gYor3I0eEBTv3GLpmT8EXjuqmhcZ76/muyLg4CIEXDMJngIZkT
dT2AqhFY4hggwy2DNX+gvv7sv2BWcBdE
-----END CERTIFICATE REQUEST-----`;

/** `GET /order/certificate/{id}` as the sandbox answers it (views.ts orderDetails). */
export function detailsBody(
  id: number,
  patch: Record<string, unknown> = {},
  cert: Record<string, unknown> = {},
) {
  return {
    id,
    status: 'issued',
    date_created: '2025-11-14T00:00:00+00:00',
    validity_years: 1,
    order_valid_till: '2026-06-20',
    is_renewed: false,
    renewed_order_id: 0,
    organization: { id: 60002, name: 'Sandbox OV Ltd' },
    container: { id: 50001, name: 'Sandbox Corp' },
    product: { name_id: 'ssl_securesite_pro', name: 'Secure Site Pro SSL' },
    certificate: {
      id: id + 1,
      common_name: `host${id}.example.com`,
      dns_names: [`host${id}.example.com`],
      csr: TEST_CSR,
      signature_hash: 'sha256',
      server_platform: { id: 45, name: 'nginx' },
      valid_from: '2025-11-14',
      valid_till: '2026-06-20',
      ...cert,
    },
    ...patch,
  };
}
