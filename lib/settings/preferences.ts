/**
 * Preferences: the region every API call and order goes to, and how long an unlocked key stays
 * usable. They live in the extension origin's private IndexedDB store (the `preferences` record), not
 * in storage.local: in Firefox a content script can write that area, and the region decides where
 * orders are sent. Older versions kept them in storage.local (the WXT item `preferences`); the first
 * read moves them (lib/storage/local-move.ts), and from then on nothing in storage.local is read.
 */
import { z } from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { REGIONS, type Region } from '../region';
import { moveFromLocal, wxtVersion } from '../storage/local-move';
import { readPrivate, updatePrivate } from '../storage/private-store';
import { defineStoredItem, readStored } from '../storage/stored-item';
import { changingSettings, forgetSettingsView } from './view-cache';

export const regionSchema = lazySchema(() => z.enum(REGIONS));

/** `idleMinutes`: how long a passphrase-unlocked API key stays usable without use. */
export const preferencesSchema = lazySchema(() =>
  z.object({
    region: regionSchema,
    idleMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(1440)),
  }),
);
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_IDLE_MINUTES = 15;
export const DEFAULT_PREFERENCES: Preferences = { region: 'us', idleMinutes: DEFAULT_IDLE_MINUTES };

const PREFERENCES_RECORD = 'preferences';
/** The stored record is `{ version, region, idleMinutes }`. */
export const PREFERENCES_VERSION = 2;
/** The keys older versions used in storage.local (a WXT item: its value and its `$` version marker). */
export const LEGACY_LOCAL_KEYS = ['preferences', 'preferences$'];

/** Version 2 adds the passphrase lock's idle time; the region stays as it was. */
export function preferencesV1ToV2(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old, idleMinutes: DEFAULT_IDLE_MINUTES };
}

export const preferencesItem = defineStoredItem({
  name: 'preferences',
  where: { area: 'private', record: PREFERENCES_RECORD },
  version: PREFERENCES_VERSION,
  schema: lazySchema(() => z.object({ version: z.literal(PREFERENCES_VERSION), ...preferencesSchema.shape })),
  migrations: [{ from: 1, to: 2, step: preferencesV1ToV2 }],
});

/** Pure: the preferences in a stored record (the defaults when it cannot be read). */
export function preferencesFromRecord(raw: unknown): Preferences {
  // What cannot be read (damaged, or from a newer version) gives the defaults, as before the move.
  const read = readStored(preferencesItem, raw);
  if (read === null || !('value' in read)) return DEFAULT_PREFERENCES;
  const { version: _version, ...preferences } = read.value;
  return preferences;
}

/** Pure: preferences stored at version `from` (without the marker), brought to the current version. */
export function migratePreferences(raw: unknown, from: number): Preferences {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_PREFERENCES;
  return preferencesFromRecord({ ...raw, version: from });
}

const toRecord = (preferences: Preferences) => ({ version: PREFERENCES_VERSION, ...preferences });

/** Pure: the record made from what an older version left in storage.local (the defaults when nothing). */
export function preferencesFromLegacyLocal(found: Readonly<Record<string, unknown>>) {
  const old = found.preferences;
  return toRecord(
    old === undefined || old === null
      ? DEFAULT_PREFERENCES
      : migratePreferences(old, wxtVersion(found, 'preferences')),
  );
}

/** Moves what storage.local holds, once; the background also runs it at every start (local-move.ts). */
export async function movePreferencesOutOfLocal(): Promise<void> {
  const moved = await moveFromLocal({
    record: PREFERENCES_RECORD,
    localKeys: LEGACY_LOCAL_KEYS,
    convert: preferencesFromLegacyLocal,
  });
  // Runs at every start; only the run that wrote the record changes what the settings view shows.
  if (moved.written !== undefined) await forgetSettingsView();
}

/** Reads preferences, falling back to the defaults when what is stored does not parse. */
export async function readPreferences(): Promise<Preferences> {
  const raw = await readPrivate(PREFERENCES_RECORD);
  if (raw !== undefined) return preferencesFromRecord(raw);
  // The first read after the update: move the old item, then read what the store holds.
  await movePreferencesOutOfLocal();
  return preferencesFromRecord(await readPrivate(PREFERENCES_RECORD));
}

/** Changes some preferences, read and written in one transaction. */
async function changePreferences(patch: Partial<Preferences>): Promise<Preferences> {
  // Moved first: writing before the move would hide the old item's values behind the defaults.
  await readPreferences();
  return changingSettings(() =>
    updatePrivate(PREFERENCES_RECORD, (raw) => {
      const next = { ...preferencesFromRecord(raw), ...patch };
      return { write: { value: toRecord(next) }, result: next };
    }),
  );
}

export function setIdleMinutes(idleMinutes: number): Promise<Preferences> {
  return changePreferences({ idleMinutes });
}

export function setRegion(region: Region): Promise<Preferences> {
  return changePreferences({ region });
}
