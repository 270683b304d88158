/**
 * The settings view: the key's state, the region and how long an unlocked key stays usable, and
 * the last connection test, as the pages show them.
 */
import type { Connection, SettingsView } from '../messaging';
import type { PolicyState } from '../policy/model';
import type { ApiKeyState } from './api-key-record';
import { effectiveRegion } from './managed-region';
import type { Preferences } from './preferences';

export type SettingsParts = {
  apiKey: ApiKeyState;
  preferences: Preferences;
  connection: Connection | null;
  policy: PolicyState;
  /** The policy is the copy last seen: the browser had not answered for it yet (lib/policy/display.ts). */
  policyLastSeen?: boolean;
};

/** Pure: the view of what was read. */
export function settingsViewOf({
  apiKey,
  preferences,
  connection,
  policy,
  policyLastSeen,
}: SettingsParts): SettingsView {
  // The policy's region, when it sets one (managed-region.ts): the preference stays as it was.
  const region = effectiveRegion(preferences.region, policy);
  // A locked key still belongs to the same account: the last connection result stays meaningful.
  const known = apiKey.state === 'saved' || apiKey.state === 'locked';
  return {
    apiKey,
    region: region.region,
    ...(region.managed ? { regionManaged: true } : {}),
    idleMinutes: preferences.idleMinutes,
    connection: known ? connection : null,
    ...(policyLastSeen ? { policyLastSeen: true } : {}),
  };
}
