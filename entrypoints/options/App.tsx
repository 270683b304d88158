import { ApiKeySection } from '@/components/ApiKeySection';
import { later } from '@/components/later';
import { Notice } from '@/components/Notice';
import { useSettings } from '@/components/useSettings';
import { t } from '@/lib/i18n';
import './options.css';

// The first screen is the connection and the template list; everything else is a chunk of its own
// (zod and the template editor included), so the page's initial JavaScript stays small.
const TemplatesSection = later(() =>
  import('@/components/templates/TemplatesSection').then((m) => m.TemplatesSection),
);
const ExpiringSection = later(() =>
  import('@/components/renewal/ExpiringSection').then((m) => m.ExpiringSection),
);
const OrderHistorySection = later(() =>
  import('@/components/OrderHistorySection').then((m) => m.OrderHistorySection),
);
const DuplicateSafetySection = later(() =>
  import('@/components/DuplicateSafetySection').then((m) => m.DuplicateSafetySection),
);
// The template list's code is needed at once: it loads while the settings are asked for.
void TemplatesSection.load();

export function App() {
  const settings = useSettings();
  const now = new Date();
  return (
    <main class="options stack">
      <header>
        <h1>{t('common_extension_name')}</h1>
        <p class="muted">{t('settings_intro')}</p>
      </header>
      {settings.view ? (
        <ApiKeySection settings={settings} view={settings.view} now={now} />
      ) : settings.error ? (
        <Notice tone="error" title={settings.error.title}>
          {settings.error.detail && <p>{settings.error.detail}</p>}
        </Notice>
      ) : (
        <p class="muted" role="status">
          {t('settings_loading')}
        </p>
      )}
      {/* Not waiting for the settings: the templates are read from this page, meanwhile. */}
      <TemplatesSection now={now} />
      {settings.view && (
        <>
          {settings.view.apiKey.state === 'saved' && settings.view.connection?.state !== 'failed' && (
            <ExpiringSection />
          )}
          <OrderHistorySection now={now} />
          <DuplicateSafetySection />
        </>
      )}
    </main>
  );
}
