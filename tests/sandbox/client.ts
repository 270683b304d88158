// Small helpers for tests that talk to the sandbox: an HTTPS client that accepts the self-signed
// certificate (no NODE_TLS_REJECT_UNAUTHORIZED), a CSR maker and a valid order body.
import './reflect-shim';
import { webcrypto } from 'node:crypto';
import https from 'node:https';
import * as x509 from '@peculiar/x509';
import { SANDBOX_KEYS, SEED_IDS } from './seed';

export interface SandboxResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
}

export interface RequestOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** e.g. a keep-alive agent with maxSockets: 1 to force socket reuse. */
  agent?: https.Agent;
  /** Host header to send (the sandbox serves www.digicert.com and certcentral.digicert.eu alike). */
  host?: string;
}

export function sandboxRequest(
  port: number,
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<SandboxResponse> {
  const payload =
    opts.body === undefined
      ? undefined
      : typeof opts.body === 'string'
        ? opts.body
        : JSON.stringify(opts.body);
  const headers: Record<string, string> = {
    ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(opts.key ? { 'x-dc-devkey': opts.key } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    ...opts.headers,
  };
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers,
        rejectUnauthorized: false,
        agent: opts.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A real PKCS#10 request (ECDSA P-256) for `commonName`. */
export async function makeTestCsr(commonName: string): Promise<string> {
  const crypto = webcrypto as unknown as Crypto;
  x509.cryptoProvider.set(crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    { name: `CN=${commonName}`, keys, signingAlgorithm: alg },
    crypto,
  );
  return csr.toString('pem');
}

/** A body that passes every check for ssl_ev_securesite_pro with the seed account. */
export function validEvOrderBody(csr: string, commonName = 'secure.example.com'): Record<string, unknown> {
  return {
    certificate: {
      common_name: commonName,
      dns_names: [commonName],
      csr,
      signature_hash: 'sha256',
      server_platform: { id: 45 },
    },
    order_validity: { years: 1 },
    organization: {
      id: SEED_IDS.organizations.ev,
      contacts: [
        { contact_type: 'ev_approver', user_id: SEED_IDS.users.evApprover },
        { contact_type: 'technical_contact', user_id: SEED_IDS.users.tech },
      ],
    },
    container: { id: SEED_IDS.containers.parent },
    custom_fields: [{ metadata_id: SEED_IDS.metadata.requiredText, value: 'CC-1234' }],
    dcv_method: 'dns-txt-token',
    payment_method: 'balance',
    alternative_order_id: 'test-0001',
  };
}

export const ADMIN = SANDBOX_KEYS.admin;
export const ORDERS = SANDBOX_KEYS.orders;
export const VIEW_ONLY = SANDBOX_KEYS.viewOnly;
