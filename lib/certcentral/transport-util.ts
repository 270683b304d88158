// Pure helpers of the transport: URL building and response parsing.
import { z } from 'zod/mini';
import { CertCentralError } from './errors';

export type QueryValue = string | number | boolean | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** Encode one path segment (ids, product name_ids, alternative_order_id) so it cannot add a path. */
export function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}

/**
 * base + path + query. Keys are sent as given: DigiCert documents bracketed keys such as
 * `filters[status]=issued`, so `[` and `]` stay literal (valid in a query); all else is encoded.
 */
export function buildUrl(base: string, path: string, query?: Query): string {
  if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const k = encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
    parts.push(`${k}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `${base}${path}?${parts.join('&')}` : `${base}${path}`;
}

/** `orders[0].certificate.id` style path of a zod issue; `(root)` for the body itself. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

/**
 * JSON body → schema output. An empty body (204) is parsed as `undefined`, so a schema that accepts
 * undefined (optional) handles it and any other reports it. Extra fields are tolerated by the
 * schemas (loose objects); missing required ones name their path in the error.
 */
export function parseBody<T>(
  what: string,
  status: number,
  text: string,
  schema: z.core.$ZodType<T>,
  clean: (s: string) => string,
): T {
  let data: unknown;
  if (status === 204 || text.trim() === '') {
    data = undefined;
  } else {
    try {
      data = JSON.parse(text);
    } catch {
      throw new CertCentralError({
        kind: 'invalid-response',
        status,
        message: `${what} answered HTTP ${status} with a body that is not JSON`,
        unsafeMethod: !what.startsWith('GET '),
      });
    }
  }
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${issuePath(i.path)}: ${i.message}`);
  const more = result.error.issues.length > 5 ? ` (+${result.error.issues.length - 5} more)` : '';
  throw new CertCentralError({
    kind: 'invalid-response',
    status,
    message: clean(`${what} answered in an unexpected shape: ${issues.join('; ')}${more}`),
    unsafeMethod: !what.startsWith('GET '),
  });
}
