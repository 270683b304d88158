// What a route handler returns. Handlers never write to the socket themselves, so the server can
// apply faults after the work is done (lose-response, drop-keepalive) and log every status.
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ApiError {
  code: string;
  message: string;
}

export function json(status: number, value: unknown): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: status === 204 ? '' : JSON.stringify(value),
  };
}

/** docs/certcentral-api.md "Errors": HTTP 4xx/5xx with `{"errors":[{"code","message"}]}`. */
export function apiErrors(status: number, errors: ApiError[]): Reply {
  return json(status, { errors });
}

export function apiError(status: number, code: string, message: string): Reply {
  return apiErrors(status, [{ code, message }]);
}

/**
 * The older form, one error as an object instead of a list: `{"errors":{"code","message"}}`. Answers
 * recorded by public clients carry it (e.g. `{"errors":{"code":"not_found|order","message":"Order not
 * found."}}`), so a client has to read both forms; the sandbox uses it for a few errors on purpose.
 */
export function apiErrorObject(status: number, code: string, message: string): Reply {
  return json(status, { errors: { code, message } });
}

export interface Page {
  total: number;
  limit: number;
  offset: number;
}

/**
 * A list answer. An empty list leaves its array out: a real `GET /order/certificate` that matched
 * nothing answered `{"page":{"total":0,"limit":1000,"offset":0}}` with no `orders` key, and the sandbox
 * does the same on every list endpoint. Endpoints that carry no `page` then answer `{}`.
 */
export function listReply(name: string, items: unknown[], page?: Page): Reply {
  return json(200, {
    ...(items.length > 0 ? { [name]: items } : {}),
    ...(page ? { page } : {}),
  });
}

/** Console pages load nothing from elsewhere: the CSP makes any accidental external resource fail. */
export function html(status: number, body: string): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
    body,
  };
}

export function text(status: number, body: string, type = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'content-type': type }, body };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every piece of text placed in a console page goes through this. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid'; raw: string };

export function parseJsonBody(raw: string): ParsedBody {
  if (raw.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(raw) as unknown };
  } catch {
    return { kind: 'invalid', raw: raw.slice(0, 2000) };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
