/** The background's answers to the settings messages (the pages' side is components/useSettings.ts). */
import { handleMessage } from '../messaging';
import {
  changeRegion,
  getSettingsView,
  removeKey,
  type SettingsDeps,
  saveKey,
  testConnection,
} from './service';

/** `onKeyChange` runs after anything that changes which key or region the API calls use. */
export function registerSettingsHandlers(deps: SettingsDeps, onKeyChange: () => void): void {
  const thenForget = <T>(result: Promise<T>) => result.finally(onKeyChange);
  handleMessage('getSettings', async () => ({ ok: true, value: await getSettingsView() }));
  handleMessage('saveApiKey', (data) => thenForget(saveKey(data, deps)));
  handleMessage('removeApiKey', () => thenForget(removeKey()));
  handleMessage('setRegion', (data) => thenForget(changeRegion(data.region)));
  handleMessage('testConnection', () => testConnection(deps));
}
