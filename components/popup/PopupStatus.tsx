import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { regionName } from '../ConnectionSummary';
import { Notice } from '../Notice';
import { RecentOrders } from '../RecentOrders';
import { useSettings } from '../useSettings';
import { ConnectionLinePlace } from './ConnectionLinePlace';
import { UnlockPrompt } from './UnlockPrompt';

function openSettings() {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** The popup's account line (who, which region, or how to connect) and the recent orders, loaded after the list. */
export function ConnectionLine() {
  const settings = useSettings();
  const { view } = settings;
  useEffect(() => {
    // A saved key that was never tested gets tested once, so the line can say who it belongs to.
    if (view?.apiKey.state === 'saved' && view.connection === null && settings.busy === null)
      void settings.testConnection();
  }, [view, settings]);
  if (!view)
    return settings.error ? <Notice tone="error" title={settings.error.title} /> : <ConnectionLinePlace />;
  if (view.apiKey.state === 'locked') {
    return (
      <UnlockPrompt hint={view.apiKey.hint} onUnlocked={() => void settings.run('getSettings', undefined)} />
    );
  }
  if (view.apiKey.state !== 'saved') {
    return (
      <Notice tone="warn" title={t('popup_connect_title')}>
        <p>{view.apiKey.state === 'unreadable' ? view.apiKey.reason : t('popup_connect_detail')}</p>
        <button type="button" class="primary" onClick={openSettings}>
          {t('common_open_settings')}
        </button>
      </Notice>
    );
  }
  const c = view.connection;
  if (c?.state === 'failed') {
    return (
      <Notice tone="error" title={c.error.title}>
        {c.error.detail && <p>{c.error.detail}</p>}
        <div class="row">
          <button type="button" onClick={settings.testConnection} disabled={settings.busy !== null}>
            {t('common_check_again')}
          </button>
          <button type="button" onClick={openSettings}>
            {t('common_settings')}
          </button>
        </div>
      </Notice>
    );
  }
  return (
    <div class="stack">
      <p class="connection-line" role="status">
        <span class="dot ok" aria-hidden="true" />{' '}
        {c
          ? t('popup_account_line', [c.user.name, String(c.accountId), regionName(c.region)])
          : t('popup_checking_key')}
      </p>
      {c?.orderingBlocked && (
        <Notice tone="warn" title={t('common_key_cannot_order')}>
          <p>{c.orderingBlocked}</p>
        </Notice>
      )}
    </div>
  );
}

/** Only the unlock prompt, for when an order form hides the account line: a locked key still says so first. */
export function KeyLock() {
  const settings = useSettings();
  const key = settings.view?.apiKey;
  if (key?.state !== 'locked') return null;
  return <UnlockPrompt hint={key.hint} onUnlocked={() => void settings.run('getSettings', undefined)} />;
}

export function PopupOrders() {
  return <RecentOrders now={new Date()} />;
}

export { NeedsYou } from '../alerts/NeedsYou';
export { ReissuePanel } from './ReissuePanel';
export { RenewFromPage } from './RenewFromPage';
