// Test doubles for the transport: a scripted fetch that records every call, and a limiter that never waits.
import { readFileSync } from 'node:fs';
import type { RateLimiter } from '../rate-limit';
import type { FetchLike } from '../transport';

export const TEST_KEY = 'TESTKEY0123456789ABCDEFGHIJKLMNOPQRSTUV';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Reply = Response | Error | 'hang' | (() => Response | Promise<Response>);

/** A fetch that answers with the scripted replies in order and records each request. */
export function scriptedFetch(...replies: Reply[]): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected request ${url}`);
    if (reply === 'hang') return new Promise<Response>(() => {});
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply.clone();
  };
  return Object.assign(fn, { calls });
}

export function json(status: number, body: unknown): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

export function fixtureReply(name: string, status = 200): Response {
  return json(status, fixture(name));
}

export const noWait: RateLimiter = { acquire: async () => () => undefined };
