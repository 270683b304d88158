// Every request the sandbox receives, for tests that check what the client really sent. The API key
// itself is never stored: only which sandbox key (if any) it was.
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxKeyName } from './state';

export interface LogEntry {
  seq: number;
  time: string;
  method: string;
  /** Path with query string. */
  path: string;
  host: string;
  headers: Record<string, string>;
  key: SandboxKeyName | 'unknown' | 'none';
  /** Parsed JSON body; the raw text (cut at 2000 characters) when it was not JSON; absent when empty. */
  body?: unknown;
  /** HTTP status answered; null when the response was lost on purpose. */
  status: number | null;
  /** The fault that fired for this request, if any. */
  fault?: string;
  /** Connection number, and how many requests this connection had carried including this one. */
  socketId: number;
  socketRequest: number;
  socketReused: boolean;
}

const SECRET_HEADERS = ['x-dc-devkey', 'authorization', 'cookie', 'proxy-authorization'];

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.includes(name)
      ? '[REDACTED]'
      : Array.isArray(value)
        ? value.join(', ')
        : value;
  }
  return out;
}
