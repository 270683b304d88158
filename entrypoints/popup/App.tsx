import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ConnectionSummary } from '@/components/ConnectionSummary';
import { Notice } from '@/components/Notice';
import { RecentOrders } from '@/components/RecentOrders';
import { useSettings } from '@/components/useSettings';
import './popup.css';

function openSettings() {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** The popup's first screen: who the extension is connected as, or the way to connect it. */
export function App() {
  const settings = useSettings();
  const { view } = settings;
  const now = new Date();
  // Marks the moment the first screen is usable, for `npm run bench`.
  useEffect(() => {
    if (view || settings.error) performance.mark('popup-usable');
  }, [view, settings.error]);
  return (
    <main class="popup stack">
      <header>
        <h1>CertCentral Companion</h1>
        <button type="button" onClick={openSettings}>
          Settings
        </button>
      </header>
      {!view && !settings.error && (
        <p class="muted" role="status">
          Loading…
        </p>
      )}
      {view && view.apiKey.state !== 'saved' && (
        <section class="card stack" aria-labelledby="connect-heading">
          <h2 id="connect-heading">Connect your CertCentral account</h2>
          <p class="muted">
            {view.apiKey.state === 'unreadable'
              ? view.apiKey.reason
              : 'Add a CertCentral API key in the settings to order and renew certificates from here.'}
          </p>
          <button type="button" class="primary" onClick={openSettings}>
            Open settings
          </button>
        </section>
      )}
      {view && view.apiKey.state === 'saved' && (
        <section class="card stack" aria-label="Connection">
          {view.connection ? (
            <ConnectionSummary connection={view.connection} now={now} compact />
          ) : (
            <p>Your API key is saved but has not been tested yet.</p>
          )}
          <div class="row">
            <button type="button" disabled={settings.busy !== null} onClick={settings.testConnection}>
              {settings.busy === 'testConnection'
                ? 'Checking…'
                : view.connection
                  ? 'Check again'
                  : 'Test connection'}
            </button>
          </div>
        </section>
      )}
      {view && view.apiKey.state === 'saved' && <RecentOrders now={now} />}
      {settings.error && (
        <Notice tone="error" title={settings.error.title}>
          {settings.error.detail && <p>{settings.error.detail}</p>}
        </Notice>
      )}
    </main>
  );
}
