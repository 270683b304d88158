import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '@/lib/messaging';
import { rememberPageOrders } from '@/lib/renewal/page-orders';
import {
  changeRegion,
  defaultSettingsDeps,
  getSettingsView,
  removeKey,
  saveKey,
  testConnection,
} from '@/lib/settings/service';

export default defineBackground(() => {
  const deps = defaultSettingsDeps;
  handleMessage('getSettings', async () => ({ ok: true, value: await getSettingsView() }));
  handleMessage('saveApiKey', (data) => saveKey(data, deps));
  handleMessage('removeApiKey', () => removeKey());
  handleMessage('setRegion', (data) => changeRegion(data.region));
  handleMessage('testConnection', () => testConnection(deps));
  handleMessage('reportPageOrders', async (data, sender) => {
    if (sender.tab?.id !== undefined) await rememberPageOrders(sender.tab.id, data);
  });

  // A newcomer's first step is the key: open the settings when the extension is installed.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.tabs.onRemoved.addListener((tabId) => void rememberPageOrders(tabId, null));
});
