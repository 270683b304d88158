/**
 * How stored templates are brought up to the current shape. Steps are numbered by the version they
 * produce (WXT storage's convention: `migrations[2]` turns a v1 value into v2) and work on ONE template,
 * so a template that cannot be upgraded is kept aside alone (storage.ts) instead of failing the list.
 *
 * v0 is the prototype's shape, `{ name, product, fields: { path: value } }`, saved before the item had a
 * version. WXT storage reads a missing version as 1, so v0 is recognised by its shape (no `id`, raw
 * values), not by the item's version marker.
 */
export interface MigrationContext {
  now: Date;
  newId: () => string;
}

export type TemplateMigration = (old: unknown, ctx: MigrationContext) => unknown;
export type MigrationTable = Readonly<Record<number, TemplateMigration>>;

/** v0 → v1: every value was fixed; identity and bookkeeping are new. */
function v0ToV1(old: unknown, ctx: MigrationContext): unknown {
  if (!isV0(old)) throw new Error('it is not a v0 template ({ name, product, fields })');
  const fields: Record<string, unknown> = {};
  // Card data never belonged in a template: it becomes asked, and the value is not carried over.
  for (const [path, value] of Object.entries(old.fields))
    fields[path] = path.startsWith('credit_card.') ? { source: 'asked' } : { source: 'fixed', value };
  const at = ctx.now.toISOString();
  return {
    id: ctx.newId(),
    name: old.name,
    product: old.product,
    fields,
    createdAt: at,
    updatedAt: at,
    useCount: 0,
  };
}

export const TEMPLATE_MIGRATIONS: MigrationTable = { 1: v0ToV1 };

export function isV0(
  raw: unknown,
): raw is { name: unknown; product: unknown; fields: Record<string, unknown> } {
  if (raw === null || typeof raw !== 'object' || 'id' in raw) return false;
  const fields = (raw as { fields?: unknown }).fields;
  return fields !== null && typeof fields === 'object' && !Array.isArray(fields);
}

export type Upgrade = { ok: true; value: unknown } | { ok: false; version: number; reason: string };

/** Runs the steps after `from` up to `to` on one template; says which step failed and why. */
export function upgradeTemplate(
  raw: unknown,
  from: number,
  to: number,
  ctx: MigrationContext,
  table: MigrationTable = TEMPLATE_MIGRATIONS,
): Upgrade {
  let value = raw;
  for (let version = from + 1; version <= to; version++) {
    const step = table[version];
    if (!step) continue;
    try {
      value = step(value, ctx);
    } catch (err) {
      return { ok: false, version, reason: err instanceof Error ? err.message : String(err) };
    }
  }
  return { ok: true, value };
}

/** Marks a list entry whose upgrade inside the list migration failed, for storage.ts to keep aside. */
export interface FailedUpgrade {
  failedUpgrade: { version: number; reason: string };
  original: unknown;
}

export function isFailedUpgrade(raw: unknown): raw is FailedUpgrade {
  return raw !== null && typeof raw === 'object' && 'failedUpgrade' in raw && 'original' in raw;
}

/**
 * The table storage.ts runs on the whole stored list when its version goes up (v2 and later; v0 is
 * handled by shape on read). Each template is upgraded alone; a failure is wrapped, never thrown,
 * because a thrown error would leave the whole list un-upgraded.
 */
export function itemMigrations(
  table: MigrationTable,
  ctx: () => MigrationContext,
): Record<number, (list: unknown) => unknown> {
  const out: Record<number, (list: unknown) => unknown> = {};
  for (const key of Object.keys(table)) {
    const version = Number(key);
    if (version < 2) continue;
    out[version] = (list) =>
      Array.isArray(list)
        ? list.map((raw) => {
            if (isFailedUpgrade(raw)) return raw;
            const up = upgradeTemplate(raw, version - 1, version, ctx(), table);
            return up.ok ? up.value : { failedUpgrade: { version, reason: up.reason }, original: raw };
          })
        : list;
  }
  return out;
}
