import { describe, expect, it } from 'vitest';
import { CertCentralError } from './errors';
import { reissueOrder } from './order-reissue';
import { json, noWait, scriptedFetch, TEST_KEY } from './testing/fake-fetch';
import { createTransport } from './transport';

const body = {
  certificate: {
    common_name: 'www.example.org',
    dns_names: ['www.example.org'],
    csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
    signature_hash: 'sha256',
    server_platform: { id: 45 },
  },
};

const transport = (fetch: ReturnType<typeof scriptedFetch>) =>
  createTransport({ apiKey: TEST_KEY, region: 'us', fetch, limiter: noWait, sleep: async () => {} });

describe('reissueOrder', () => {
  it('posts the certificate to /order/certificate/{id}/reissue and reads the request id', async () => {
    const fetch = scriptedFetch(json(201, { id: 10000004, requests: [{ id: 20001001, status: 'pending' }] }));
    const result = await reissueOrder(transport(fetch), 10000004, body);
    expect(result).toEqual({
      id: 10000004,
      requests: { items: [{ id: 20001001, status: 'pending' }], unreadable: [] },
    });
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]?.method).toBe('POST');
    expect(fetch.calls[0]?.url).toBe(
      'https://www.digicert.com/services/v2/order/certificate/10000004/reissue',
    );
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual(body);
  });

  it('is never retried: a 503 is thrown at once and marked as an unknown outcome', async () => {
    const fetch = scriptedFetch(json(503, { errors: [{ code: 'internal_error', message: 'Down' }] }));
    const error = await reissueOrder(transport(fetch), 5, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertCentralError);
    expect((error as CertCentralError).outcomeUnknown).toBe(true);
    expect(fetch.calls).toHaveLength(1);
  });

  it('passes a refusal on with its code', async () => {
    const fetch = scriptedFetch(
      json(400, { errors: [{ code: 'csr_invalid_cannot_parse', message: 'Bad CSR' }] }),
    );
    const error = (await reissueOrder(transport(fetch), 5, body).catch(
      (e: unknown) => e,
    )) as CertCentralError;
    expect(error.hasCode('csr_invalid_cannot_parse')).toBe(true);
    expect(error.outcomeUnknown).toBe(false);
  });
});
