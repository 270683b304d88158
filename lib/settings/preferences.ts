/**
 * Non-secret preferences, kept in `storage.local` (content scripts can read this area, so
 * nothing secret or account-specific goes here: the key and API answers live in private-store).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';

export const REGIONS = ['us', 'eu'] as const;
export const regionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof regionSchema>;

/** `idleMinutes`: how long a passphrase-unlocked API key stays usable without use. */
export const preferencesSchema = z.object({
  region: regionSchema,
  idleMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(1440)),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_IDLE_MINUTES = 15;
export const DEFAULT_PREFERENCES: Preferences = { region: 'us', idleMinutes: DEFAULT_IDLE_MINUTES };

/** Each version adds a numbered migration here, each with a test. */
export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  version: 2,
  fallback: DEFAULT_PREFERENCES,
  migrations: {
    // Version 2 adds the passphrase lock's idle time; the region stays as it was.
    2: (old: { region?: unknown }) => ({ ...old, idleMinutes: DEFAULT_IDLE_MINUTES }),
  },
});

/** Reads preferences, falling back to the defaults when what is stored does not parse. */
export async function readPreferences(): Promise<Preferences> {
  const parsed = preferencesSchema.safeParse(await preferencesItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export async function setIdleMinutes(idleMinutes: number): Promise<Preferences> {
  const next = { ...(await readPreferences()), idleMinutes };
  await preferencesItem.setValue(next);
  return next;
}

export async function setRegion(region: Region): Promise<Preferences> {
  const next = { ...(await readPreferences()), region };
  await preferencesItem.setValue(next);
  return next;
}
