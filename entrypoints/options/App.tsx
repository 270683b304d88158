import { ApiKeySection } from '@/components/ApiKeySection';
import { DuplicateSafetySection } from '@/components/DuplicateSafetySection';
import { Notice } from '@/components/Notice';
import { OrderHistorySection } from '@/components/OrderHistorySection';
import { ExpiringSection } from '@/components/renewal/ExpiringSection';
import { TemplatesSection } from '@/components/templates/TemplatesSection';
import { useSettings } from '@/components/useSettings';
import './options.css';

export function App() {
  const settings = useSettings();
  const now = new Date();
  return (
    <main class="options stack">
      <header>
        <h1>CertCentral Companion</h1>
        <p class="muted">Settings for ordering and renewing DigiCert certificates from this browser.</p>
      </header>
      {settings.view ? (
        <>
          <ApiKeySection settings={settings} view={settings.view} now={now} />
          <TemplatesSection now={now} />
          {settings.view.apiKey.state === 'saved' && settings.view.connection?.state !== 'failed' && (
            <ExpiringSection />
          )}
          <OrderHistorySection now={now} />
          <DuplicateSafetySection />
        </>
      ) : settings.error ? (
        <Notice tone="error" title={settings.error.title}>
          {settings.error.detail && <p>{settings.error.detail}</p>}
        </Notice>
      ) : (
        <p class="muted" role="status">
          Loading settings…
        </p>
      )}
    </main>
  );
}
