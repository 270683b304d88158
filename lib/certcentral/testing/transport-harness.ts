// The transport under test with a scripted fetch, shared by the transport's test files.
import { expect, vi } from 'vitest';
import { z } from 'zod';
import type { Region } from '../../region';
import { CertCentralError } from '../errors';
import { createTransport } from '../transport';
import { noWait, type Reply, scriptedFetch, TEST_KEY } from './fake-fetch';
export const Thing = z.looseObject({ id: z.number(), name: z.string() });

export function setup(
  replies: Reply[],
  extra: { region?: Region; timeoutMs?: number; maxGetRetries?: number } = {},
) {
  const fetch = scriptedFetch(...replies);
  const sleep = vi.fn(async (_ms: number) => {});
  const t = createTransport({
    apiKey: TEST_KEY,
    region: extra.region ?? 'us',
    fetch,
    limiter: noWait,
    sleep,
    random: () => 0.5,
    ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
    ...(extra.maxGetRetries === undefined ? {} : { maxGetRetries: extra.maxGetRetries }),
  });
  return { t, fetch, sleep };
}

export async function caught(p: Promise<unknown>): Promise<CertCentralError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CertCentralError);
    return err as CertCentralError;
  }
  throw new Error('expected a CertCentralError');
}

export const HEADERS = {
  'X-DC-DEVKEY': TEST_KEY,
  'Content-Type': 'application/json',
  Accept: 'application/json',
};
