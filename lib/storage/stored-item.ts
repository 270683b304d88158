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
 * A record that holds a list can declare its `entries`: each entry is brought up alone by its own
 * numbered steps (`readStoredEntry`), so one entry that cannot be read is set aside alone instead of
 * failing the whole record, and a step may use a context (a clock, a maker of ids).
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

/**
 * `step` turns one entry of version `from` into one of version `to` (= from + 1). `ctx` is what the
 * owner hands every read (a clock, a maker of ids): steps stay pure and testable.
 * A method, so an item declared with its own context still fits a list of `StoredItem<unknown>`.
 */
export interface EntryStep<C = unknown> {
  from: number;
  to: number;
  step(old: Record<string, unknown>, ctx: C): Record<string, unknown>;
}

/**
 * The list a record holds, when each entry is upgraded alone. An entry carrying its own `version` is
 * at that version; one without is at the version of the record it was found in, unless `versionOf`
 * recognises an older entry by its shape (one saved before entries had a version at all).
 */
export interface StoredEntries<C = unknown> {
  versionOf?(entry: Record<string, unknown>): number | undefined;
  migrations: readonly EntryStep<C>[];
}

export interface StoredItem<T, C = unknown> {
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
  /** Set when the record holds a list whose entries are upgraded one by one (readStoredEntry). */
  entries?: StoredEntries<C>;
}

/** Marked free of side effects for the bundler: a declaration a page never reads is left out of its chunk. */
/*#__NO_SIDE_EFFECTS__*/
export function defineStoredItem<T, C = unknown>(item: StoredItem<T, C>): StoredItem<T, C> {
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

/** The version a stored record says it is at, when it says one (for its entries: readStoredEntry). */
export function storedVersion(raw: unknown): number | undefined {
  const found = isRecord(raw) ? raw.version : undefined;
  return typeof found === 'number' && Number.isInteger(found) ? found : undefined;
}

/**
 * Pure: one entry of a record's list (item.entries) brought to the item's version by the entries'
 * steps, from the entry's own version (StoredEntries says how it is found; `recordVersion` is the
 * version of the record it was read from, before the record's own steps). Like readStored, an entry
 * it cannot bring up is reported, never guessed at: above all one written by a newer build, which
 * the owner must keep as it is. The owner checks the result: its checks say more than a schema would.
 * An entry that carried its own version gets the version each step produced; one without stays so.
 * A failed step's reason is the step's own words: the owner says which version it was going to.
 */
export function readStoredEntry<C>(
  item: StoredItem<unknown, C>,
  entry: unknown,
  recordVersion: number,
  ctx: C,
): StoredRead<Record<string, unknown>> {
  const entries = item.entries;
  const current = item.version;
  if (!entries || current === null) throw new Error(`${item.name} declares no versioned entries`);
  if (!isRecord(entry)) return { problem: { kind: 'not-an-object', reason: 'The entry is not an object.' } };
  const own = entry.version;
  const carries = own !== undefined;
  const found = carries ? own : (entries.versionOf?.(entry) ?? recordVersion);
  const wrongVersion = () =>
    `The entry has version ${JSON.stringify(found) ?? 'none'}; this extension reads version ${current}.`;
  if (typeof found !== 'number' || !Number.isInteger(found))
    return { problem: { kind: 'no-version', reason: wrongVersion() } };
  if (found > current) return { problem: { kind: 'newer', version: found, reason: wrongVersion() } };
  let value = entry;
  for (let version = found; version < current; version++) {
    const step = entries.migrations.find((m) => m.from === version);
    if (!step) return { problem: { kind: 'no-step', version, reason: wrongVersion() } };
    try {
      const next = step.step(value, ctx);
      value = carries ? { ...next, version: step.to } : next;
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return { problem: { kind: 'step-failed', version, reason: why } };
    }
  }
  return { value };
}

/**
 * The steps' own order is checked by a unit test over every item: each goes one version up, they
 * are contiguous and end at the item's version. Returns what is wrong, or nothing.
 */
export function stepProblems(item: StoredItem<unknown>): string[] {
  const problems: string[] = [];
  if (item.version === null) {
    if (item.migrations.length > 0) problems.push(`${item.name}: an unversioned item has steps`);
    if (item.entries) problems.push(`${item.name}: an unversioned item has versioned entries`);
    return problems;
  }
  problems.push(...chainProblems(item.name, item.migrations, item.version));
  if (item.entries)
    problems.push(...chainProblems(`${item.name} entries`, item.entries.migrations, item.version));
  return problems;
}

function chainProblems(name: string, migrations: readonly { from: number; to: number }[], version: number) {
  const problems: string[] = [];
  const steps = [...migrations].sort((a, b) => a.from - b.from);
  steps.forEach((s, i) => {
    if (s.to !== s.from + 1) problems.push(`${name}: step ${s.from}→${s.to} skips a version`);
    const next = steps[i + 1];
    if (next && next.from !== s.to) problems.push(`${name}: no step from ${s.to}`);
  });
  const last = steps.at(-1);
  if (last && last.to !== version)
    problems.push(`${name}: steps end at ${last.to}, the item is at ${version}`);
  return problems;
}
