// The manifest of recorded bodies (manifest.json): where each came from, its licence, which client
// function replays it and what must come out of it.
import { readFileSync } from 'node:fs';

export type Arg = string | number;

export interface Source {
  repo: string;
  path: string;
  commit: string;
  url: string;
}

export type Expectation =
  | {
      kind: 'error';
      code: string;
      message: string;
      /** Case-insensitive pattern the advice shown to the user must contain. */
      adviceMatches?: string;
      /** Case-insensitive pattern the advice must not contain (a wrong diagnosis). */
      adviceMustNotMatch?: string;
    }
  | {
      kind: 'order';
      id: number;
      status: string;
      common_name: string;
      dns_names: string[];
      product_name_id: string;
    }
  | {
      kind: 'orderList';
      count: number;
      contains?: { id: number; status: string; common_name: string; dns_names?: string[] }[];
    }
  | {
      kind: 'list';
      count: number;
      contains: Record<string, unknown>[];
      first_validation_types?: string[];
    }
  | { kind: 'organization'; id: number; name: string; ev_approver_ids: number[] }
  | { kind: 'product'; name_id: string; name: string }
  | {
      kind: 'placedOrder';
      id: number;
      request_ids: number[];
      certificate_id?: number;
      certificate_chain?: string[];
    }
  | { kind: 'expiring'; buckets: { days_expiring: number; order_count: number }[] }
  | { kind: 'empty' }
  | { kind: 'raw'; fields: Record<string, unknown> };

export interface Entry {
  file: string;
  call: string;
  status: number;
  source: Source;
  licence: string;
  origin: 'recording' | 'sanitised-recording' | 'hand-written';
  note: string;
  /** The client function (a key of the test's CLIENT table) that replays the body. */
  replay: { fn: string; args: Arg[]; call: string } | null;
  expect: Expectation;
}

export interface Manifest {
  base: string;
  bodies: Entry[];
}

export const manifest = JSON.parse(
  readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'),
) as Manifest;
