/**
 * One convention for everything the extension keeps: each stored item is declared once, with where
 * it lives, its current version, its schema and the numbered steps that bring an older record up.
 * lib/storage/items.ts lists every declaration.
 *
 * A stored record carries its own `version`. `readStored` runs the steps from that version to the
 * current one, in order, then checks the result with the schema. A record it cannot read (damaged,
 * of a version with no step, or written by a newer build) is reported as a problem, never guessed
 * at: the owner decides what a problem means (defaults, the record set aside, the user asked again).
 *
 * Schemas stay lazy (lib/lazy-schema.ts): declaring an item builds nothing at worker start.
 */

/** Where an item lives, in words a test can check against the code that reads and writes it. */
export type StoredWhere =
  /** One record in the private IndexedDB store (lib/storage/private-store.ts). */
  | { area: 'private'; record: string }
  /** One record per key starting with `prefix` in the private IndexedDB store. */
  | { area: 'private'; prefix: string }
  /** One record in the API key's own IndexedDB database. */
  | { area: 'api-key-db'; record: string }
  /** One key in `storage.session`. */
  | { area: 'session'; key: string }
  /** One key per key starting with `prefix` in `storage.session`. */
  | { area: 'session'; prefix: string };

/** `step` turns a record of version `from` into one of version `to` (= from + 1). */
export interface MigrationStep {
  from: number;
  to: number;
  step: (old: Record<string, unknown>) => Record<string, unknown>;
}

/** What a schema must offer: `safeParse`, as zod and zod/mini schemas do. */
export interface StoredSchema<T> {
  safeParse(
    raw: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface StoredItem<T> {
  name: string;
  where: StoredWhere;
  /**
   * The version this build writes, from the record's own `version`. `null`: no numbered steps, the
   * schema alone decides. For values with no version on disk that no older build's value can be
   * found in (`storage.session`, emptied when the browser closes), records kept as they were found
   * (set aside, or left by earlier versions and read once to be moved), and a record whose `version`
   * names one of several current kinds rather than an age.
   */
  version: number | null;
  schema: StoredSchema<T>;
  migrations: readonly MigrationStep[];
}

/** Marked free of side effects for the bundler: a declaration a page never reads is left out of its chunk. */
/*#__NO_SIDE_EFFECTS__*/
export function defineStoredItem<T>(item: StoredItem<T>): StoredItem<T> {
  return item;
}

export type StoredProblem =
  | { kind: 'not-an-object'; reason: string }
  | { kind: 'no-version'; reason: string }
  | { kind: 'newer'; version: number; reason: string }
  | { kind: 'no-step'; version: number; reason: string }
  | { kind: 'step-failed'; version: number; reason: string }
  | { kind: 'damaged'; reason: string };

export type StoredRead<T> = { value: T } | { problem: StoredProblem } | null;

const isRecord = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

function damaged<T>(result: ReturnType<StoredSchema<T>['safeParse']>): { problem: StoredProblem } {
  const issues = result.success
    ? []
    : result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`);
  return { problem: { kind: 'damaged', reason: `The record is damaged: ${issues.join('; ')}` } };
}

/**
 * Pure: a stored value (`undefined` or `null` when absent) brought to the item's current version and
 * checked. Steps run from the record's own version; each step's result gets the version it produced.
 */
export function readStored<T>(item: StoredItem<T>, raw: unknown): StoredRead<T> {
  if (raw === undefined || raw === null) return null;
  if (item.version === null) {
    const parsed = item.schema.safeParse(raw);
    return parsed.success ? { value: parsed.data } : damaged(parsed);
  }
  if (!isRecord(raw)) return { problem: { kind: 'not-an-object', reason: 'The record is not an object.' } };
  const current = item.version;
  const found = raw.version;
  const wrongVersion = () =>
    `The record has version ${JSON.stringify(found) ?? 'none'}; this extension reads version ${current}.`;
  if (typeof found !== 'number' || !Number.isInteger(found))
    return { problem: { kind: 'no-version', reason: wrongVersion() } };
  if (found > current) return { problem: { kind: 'newer', version: found, reason: wrongVersion() } };
  let record = raw;
  for (let version = found; version < current; version++) {
    const step = item.migrations.find((m) => m.from === version);
    if (!step) return { problem: { kind: 'no-step', version, reason: wrongVersion() } };
    try {
      record = { ...step.step(record), version: step.to };
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return {
        problem: { kind: 'step-failed', version, reason: `Version ${version} could not be upgraded: ${why}` },
      };
    }
  }
  const parsed = item.schema.safeParse(record);
  return parsed.success ? { value: parsed.data } : damaged(parsed);
}

/**
 * The steps' own order is checked by a unit test over every item: each goes one version up, they
 * are contiguous and end at the item's version. Returns what is wrong, or nothing.
 */
export function stepProblems(item: StoredItem<unknown>): string[] {
  const problems: string[] = [];
  if (item.version === null) {
    if (item.migrations.length > 0) problems.push(`${item.name}: an unversioned item has steps`);
    return problems;
  }
  const steps = [...item.migrations].sort((a, b) => a.from - b.from);
  steps.forEach((s, i) => {
    if (s.to !== s.from + 1) problems.push(`${item.name}: step ${s.from}→${s.to} skips a version`);
    const next = steps[i + 1];
    if (next && next.from !== s.to) problems.push(`${item.name}: no step from ${s.to}`);
  });
  const last = steps.at(-1);
  if (last && last.to !== item.version)
    problems.push(`${item.name}: steps end at ${last.to}, the item is at ${item.version}`);
  return problems;
}
