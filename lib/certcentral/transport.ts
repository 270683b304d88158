// HTTP transport for the CertCentral Services API v2. Rules from certcentral-api.md "Transport":
// every call sends `X-DC-DEVKEY` and `Content-Type: application/json`; errors come as
// {"errors":[{code,message}]}; per-key rate limits (see rate-limit.ts).
// Runs in the MV3 service worker: global fetch + AbortController only.
// The key goes to the API origin only, in X-DC-DEVKEY only. Fetch follows redirects by default and
// custom headers such as X-DC-DEVKEY survive a cross-origin redirect, so a 3xx from any API URL
// would hand the key to whatever host it names; DigiCert documents no redirects for the API, so
// none is followed. Cookies and the referrer are the person's console session, never the API's.
import type { z } from 'zod/mini';
import type { Region } from '../region';
import { CertCentralError, errorFromBody, redact } from './errors';
import { defaultSleep, getSharedRateLimiter, type Lane, type RateLimiter } from './rate-limit';
import { apiBaseUrl } from './regions';
import { buildUrl, parseBody, type Query } from './transport-util';

export type { Query, QueryValue } from './transport-util';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  apiKey: string;
  region: Region;
  fetch?: FetchLike;
  /** Per attempt, covering the response body too. Default 30 000 ms. */
  timeoutMs?: number;
  limiter?: RateLimiter;
  /** The limiter's queue this transport's requests wait in (rate-limit.ts Lane). Default `after`. */
  lane?: Lane;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Retries of a GET after 429, 5xx, timeout or network error. Default 3. */
  maxGetRetries?: number;
}

export interface Transport {
  readonly region: Region;
  get<T>(path: string, schema: z.core.$ZodType<T>, query?: Query): Promise<T>;
  /** GET whose body is text, not JSON (certificate downloads). */
  getText(path: string, query?: Query): Promise<string>;
  post<T>(path: string, body: unknown, schema: z.core.$ZodType<T>): Promise<T>;
  put<T>(path: string, body: unknown, schema?: z.core.$ZodType<T>): Promise<T | undefined>;
}

/** The fetch options of every API request (see the header comment). */
export const API_FETCH_INIT = {
  redirect: 'error',
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  cache: 'no-store',
} as const satisfies RequestInit;

export const REDIRECT_REFUSED =
  'CertCentral answered with a redirect, which the extension never follows, so the API key is not sent anywhere else';

type Method = 'GET' | 'POST' | 'PUT';
interface Raw {
  status: number;
  text: string;
}

export function createTransport(options: TransportOptions): Transport {
  const apiKey = options.apiKey.trim();
  // Checked here, because fetch's own "invalid header value" error would quote the key.
  if (apiKey.length === 0 || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError('The CertCentral API key is empty or contains characters an API key cannot have.');
  }
  // Wrapped, not stored bare: calling a detached `fetch` in a worker throws "Illegal invocation".
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limiter = options.limiter ?? getSharedRateLimiter();
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxGetRetries = options.maxGetRetries ?? 3;
  const base = apiBaseUrl(options.region);
  const clean = (text: string) => redact(text, apiKey);

  async function once(method: Method, path: string, query: Query | undefined, body: unknown): Promise<Raw> {
    const what = `${method} ${path}`;
    const unsafeMethod = method !== 'GET';
    // Before the limiter and outside the try: a refused URL is a bug, never sent, never retried.
    const url = apiUrl(base, path, query);
    // Over once answered or failed: the limiter counts the request from then (rate-limit.ts).
    const over = await limiter.acquire(options.lane ?? 'after');
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new CertCentralError({
            kind: 'timeout',
            message: `${what} got no answer within ${timeoutMs} ms`,
            unsafeMethod,
          }),
        );
      }, timeoutMs);
    });
    const attempt = async (): Promise<Raw> => {
      const res = await doFetch(url, {
        ...API_FETCH_INIT,
        method,
        headers: {
          'X-DC-DEVKEY': apiKey,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      // `redirect: 'error'` already fails a redirect as a network error; this catches what a
      // fetch could still hand back (a 3xx, an opaque or followed redirect, another origin).
      if (isRedirect(res, base)) {
        const err = new CertCentralError({
          kind: 'network',
          message: `${what}: ${REDIRECT_REFUSED}.`,
          // A POST or PUT may have been acted on before the redirect: outcome unknown.
          unsafeMethod,
        });
        refusedRedirects.add(err);
        throw err;
      }
      return { status: res.status, text: await res.text() };
    };
    try {
      // Raced as well as aborted: a fetch that ignores the signal still cannot hang the caller.
      return await Promise.race([attempt(), timedOut]);
    } catch (err) {
      if (err instanceof CertCentralError) throw err;
      const original = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      // The original error is not kept as `cause`: undici nests causes that could echo headers.
      throw new CertCentralError({
        kind: 'network',
        message: clean(`${what} failed: ${original}`),
        unsafeMethod,
        cause: new Error(clean(original)),
      });
    } finally {
      clearTimeout(timer);
      over();
    }
  }

  function check(method: Method, path: string, raw: Raw): Raw {
    if (raw.status >= 200 && raw.status < 300) return raw;
    throw httpError(`${method} ${path}`, raw, method !== 'GET', clean);
  }

  async function getRaw(path: string, query: Query | undefined): Promise<Raw> {
    for (let attempt = 0; ; attempt++) {
      try {
        return check('GET', path, await once('GET', path, query, undefined));
      } catch (err) {
        if (!(err instanceof CertCentralError) || !err.retryable || attempt >= maxGetRetries) throw err;
        // A redirect seen as such is no passing failure: asking again would get the same answer.
        if (refusedRedirects.has(err)) throw err;
        await sleep(backoffMs(attempt, err.status, random));
      }
    }
  }

  function parse<T>(what: string, raw: Raw, schema: z.core.$ZodType<T>): T {
    return parseBody(what, raw.status, raw.text, schema, clean);
  }

  return {
    region: options.region,
    async get(path, schema, query) {
      return parse(`GET ${path}`, await getRaw(path, query), schema);
    },
    async getText(path, query) {
      return (await getRaw(path, query)).text;
    },
    // POST and PUT are never retried here: a lost answer may hide a created (billed) order.
    async post(path, body, schema) {
      return parse(`POST ${path}`, check('POST', path, await once('POST', path, undefined, body)), schema);
    },
    async put(path, body, schema) {
      const raw = check('PUT', path, await once('PUT', path, undefined, body));
      return schema === undefined ? undefined : parse(`PUT ${path}`, raw, schema);
    },
  };
}

const refusedRedirects = new WeakSet<CertCentralError>();

/**
 * base + path + query, refused (TypeError, before any fetch) unless it stays on the API origin under
 * the API path: `..` segments, even encoded, are resolved by the URL parser before this check.
 */
export function apiUrl(base: string, path: string, query?: Query): string {
  const url = buildUrl(base, path, query);
  const api = new URL(`${base}/`);
  const target = new URL(url);
  if (target.origin !== api.origin || !target.pathname.startsWith(api.pathname)) {
    throw new TypeError(`Refused to call ${path}: not under the CertCentral API ${api.href}`);
  }
  return url;
}

function isRedirect(res: Response, base: string): boolean {
  const elsewhere = res.url !== '' && new URL(res.url).origin !== new URL(base).origin;
  return (
    res.type === 'opaqueredirect' || res.redirected || (res.status >= 300 && res.status < 400) || elsewhere
  );
}

function httpError(what: string, raw: Raw, unsafeMethod: boolean, clean: (s: string) => string) {
  // Redacted before it is read: a length cap could cut the key where `clean` no longer finds it.
  return errorFromBody(what, raw.status, clean(raw.text), unsafeMethod, clean);
}

/**
 * Exponential backoff with jitter, bounded. A 429 waits at least the 5-s short window of the
 * documented limit (no Retry-After is documented, so none is read).
 */
export function backoffMs(attempt: number, status: number | undefined, random: () => number): number {
  const base = status === 429 ? 5_000 : 1_000;
  const ceiling = Math.min(base * 2 ** attempt, 30_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}
