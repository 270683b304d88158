/**
 * Non-secret preferences, kept in `storage.local` (content scripts can read this area, so
 * nothing secret or account-specific goes here: the key and API answers live in private-store).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';

export const REGIONS = ['us', 'eu'] as const;
export const regionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof regionSchema>;

export const preferencesSchema = z.object({ region: regionSchema });
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { region: 'us' };

/** Version 1 is the first shape; future versions add a numbered migration here, each with a test. */
export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  version: 1,
  fallback: DEFAULT_PREFERENCES,
});

/** Reads preferences, falling back to the defaults when what is stored does not parse. */
export async function readPreferences(): Promise<Preferences> {
  const parsed = preferencesSchema.safeParse(await preferencesItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export async function setRegion(region: Region): Promise<Preferences> {
  const next = { ...(await readPreferences()), region };
  await preferencesItem.setValue(next);
  return next;
}
