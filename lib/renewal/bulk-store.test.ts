import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../outbox/testing/harness';
import { listPrivate, writePrivate } from '../storage/private-store';
import { BULK_RUN_VERSION, listRuns, loadRun, migrateRun, saveRun } from './bulk-store';

const NOW = new Date('2026-06-01T12:00:00Z');
const run = {
  version: BULK_RUN_VERSION as 1,
  runId: 'r1',
  templateId: 't1',
  templateName: 'OV renewal',
  template: { id: 't1' },
  startedAt: NOW.toISOString(),
  paused: false,
  items: [{ orderId: 5, commonName: '', state: 'waiting' as const }],
};

beforeEach(freshDatabase);

describe('bulk run records', () => {
  it('reads the current version as saved', async () => {
    await saveRun(run);
    expect(await loadRun('r1', NOW)).toEqual(run);
  });

  it('upgrades an older record step by step through the numbered steps', () => {
    // A version-0 record without `paused` (a step as a future upgrade would add it).
    const { paused: _p, ...old } = run;
    const result = migrateRun({ ...old, version: 0 }, [
      { from: 0, to: 1, step: (r) => ({ ...r, paused: false }) },
    ]);
    expect(result).toEqual({ ok: true, run });
  });

  it.each([
    [{ ...run, version: 2 }, 'has version 2; this extension reads version 1'],
    [{ ...run, version: 0 }, 'has version 0'],
    [{ ...run, items: [{ orderId: -1, commonName: '', state: 'waiting' }] }, 'damaged: items.0.orderId'],
    ['text', 'not an object'],
  ])('refuses %j with the reason', (raw, reason) => {
    const result = migrateRun(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('moves an unreadable record aside with its reason instead of dropping it', async () => {
    await writePrivate('bulk:r2', { ...run, runId: 'r2', version: 9 });
    await saveRun(run);
    expect((await listRuns(NOW)).map((r) => r.runId)).toEqual(['r1']);
    const aside = await listPrivate('bulk-aside:');
    expect(aside).toHaveLength(1);
    expect((aside[0]?.value as { reason?: string } | undefined)?.reason).toContain('version 9');
  });
});
