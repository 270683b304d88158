import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPrivate, writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import {
  keepBrowserPolicy,
  keepPolicySeen,
  POLICY_SEEN_RECORD,
  policySeenFrom,
  readPolicySeen,
} from './seen';
import { policySeenItem } from './seen-item';

beforeEach(resetStorageForTests);

describe('the policy last seen', () => {
  it('is none until the background keeps one, then the value it kept', async () => {
    expect(await readPolicySeen()).toBeUndefined();
    await keepPolicySeen({ region: 'eu' }, new Date('2026-12-04T20:00:00Z'));
    expect(await readPolicySeen()).toEqual({ region: 'eu' });
    expect(await readPrivate(POLICY_SEEN_RECORD)).toEqual({
      version: 1,
      raw: { region: 'eu' },
      seenAt: '2026-12-04T20:00:00.000Z',
    });
  });

  it('is what the browser answers, once the background asks it', async () => {
    await fakeBrowser.storage.managed.set({ maxValidityYears: 1 });
    await keepBrowserPolicy();
    expect(await readPolicySeen()).toEqual({ maxValidityYears: 1 });
  });

  it('keeps "no policy" too: an empty answer is what most browsers give', async () => {
    await keepPolicySeen({});
    expect(await readPolicySeen()).toEqual({});
  });

  it('is not written again when the browser says the same', async () => {
    await keepPolicySeen({ region: 'eu' }, new Date('2026-12-04T20:00:00Z'));
    await keepPolicySeen({ region: 'eu' }, new Date('2026-12-05T08:00:00Z'));
    expect(await readPrivate(POLICY_SEEN_RECORD)).toMatchObject({ seenAt: '2026-12-04T20:00:00.000Z' });
    await keepPolicySeen({ region: 'us' }, new Date('2026-12-05T08:00:00Z'));
    expect(await readPrivate(POLICY_SEEN_RECORD)).toMatchObject({
      raw: { region: 'us' },
      seenAt: '2026-12-05T08:00:00.000Z',
    });
  });

  it('reads a record it cannot trust as none kept, so the lists wait for the browser', async () => {
    for (const record of [
      null,
      'text',
      { version: 2, raw: {}, seenAt: 'x' },
      { version: 1, raw: [], seenAt: 'x' },
      { version: 1, raw: null, seenAt: 'x' },
      { version: 1, raw: {} },
    ]) {
      expect(policySeenFrom(record)).toBeUndefined();
    }
    await writePrivate(POLICY_SEEN_RECORD, { version: 1, raw: 'damaged', seenAt: 'x' });
    expect(await readPolicySeen()).toBeUndefined();
  });

  it('agrees with its declared schema on what it writes', async () => {
    await keepPolicySeen({ allowPersonalTemplates: false });
    expect(policySeenItem.schema.safeParse(await readPrivate(POLICY_SEEN_RECORD)).success).toBe(true);
  });
});
