/**
 * The region under an organization's policy: a policy that sets one beats the person's preference
 * (lib/policy/model.ts), which stays stored, untouched, for when the policy no longer sets it.
 */
import { t } from '../i18n';
import type { UserError } from '../messaging/views';
import { appliedPolicy, type PolicyState } from '../policy/model';
import { readPolicy } from '../policy/read';
import type { Region } from '../region';
import { readPreferences } from './preferences';

/** Pure: the region that applies, and whether the policy set it. */
export function effectiveRegion(preferred: Region, state: PolicyState): { region: Region; managed: boolean } {
  const managed = appliedPolicy(state)?.region;
  return managed ? { region: managed, managed: true } : { region: preferred, managed: false };
}

/** The region every API call and order goes to now. */
export async function readRegion(): Promise<{ region: Region; managed: boolean }> {
  const [preferences, policy] = await Promise.all([readPreferences(), readPolicy()]);
  return effectiveRegion(preferences.region, policy);
}

/** Why the region cannot be changed here, when the policy sets it. */
export function regionLockedError(region: Region): UserError {
  return {
    title: t('settings_policy_region_locked_title'),
    detail: t(
      'settings_policy_region_locked_detail',
      region === 'eu' ? t('common_region_eu_short') : t('common_region_us_short'),
    ),
    code: 'region_managed',
  };
}
