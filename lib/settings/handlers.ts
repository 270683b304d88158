/** The background's answers to the settings messages (the pages' side is components/useSettings.ts). */
import { handleMessage } from '../messaging/receive';
import type { Region } from '../region';
import { checkRegionAccess } from './host-permission';
import { readRegion, regionLockedError } from './managed-region';
import {
  changeRegion,
  getSettingsView,
  lockKey,
  protectKey,
  removeKey,
  type SettingsDeps,
  saveKey,
  testConnection,
  unlockKey,
  unprotectKey,
} from './service';

/**
 * The region is saved only when the extension may reach it: the options page asks the user first,
 * and this refuses a page that did not (or a permission withdrawn meanwhile), so a stored region
 * never points at an instance the browser would block.
 */
async function unlessRegionBlocked<T>(region: Region, then: () => Promise<T>) {
  const error = await checkRegionAccess(region);
  return error ? ({ ok: false, error } as const) : then();
}

/** `onKeyChange` runs after anything that changes which key or region the API calls use. */
export function registerSettingsHandlers(deps: SettingsDeps, onKeyChange: () => void): void {
  const thenForget = <T>(result: Promise<T>) => result.finally(onKeyChange);
  handleMessage('getSettings', async () => ({ ok: true, value: await getSettingsView() }));
  handleMessage('saveApiKey', async (data) => {
    // Under a policy's region, that region's access is what the key needs.
    const current = await readRegion();
    const region = current.managed ? current.region : data.region;
    return unlessRegionBlocked(region, () => thenForget(saveKey(data, deps)));
  });
  handleMessage('removeApiKey', () => thenForget(removeKey()));
  handleMessage('setRegion', async (data) => {
    // A region the policy sets is refused as such, before asking about the other region's access.
    const current = await readRegion();
    if (current.managed) return { ok: false, error: regionLockedError(current.region) };
    return unlessRegionBlocked(data.region, () => thenForget(changeRegion(data.region)));
  });
  handleMessage('testConnection', () => testConnection(deps));
  // Locking and unlocking change whether the key can be used: cached transports must be dropped.
  handleMessage('protectApiKey', (data) => thenForget(protectKey(data)));
  handleMessage('unlockApiKey', (data) => thenForget(unlockKey(data)));
  handleMessage('lockApiKey', () => thenForget(lockKey()));
  handleMessage('unprotectApiKey', (data) => thenForget(unprotectKey(data)));
}
