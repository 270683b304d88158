import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiKeySection } from '@/components/ApiKeySection';
import { later } from '@/components/later';
import { Notice } from '@/components/Notice';
import { TemplateListFirst } from '@/components/templates/TemplateListFirst';
import { useSettings } from '@/components/useSettings';
import { t } from '@/lib/i18n';
import { readTemplateRowSummaries } from '@/lib/templates/summaries';
import './options.css';

// The first screen is the connection and the template list; everything else is a chunk of its own
// (zod and the template editor included), so the page's initial JavaScript stays small.
const TemplatesSection = later(
  () => import('@/components/templates/TemplatesSection').then((m) => m.TemplatesSection),
  TemplateListFirst,
);
const ExpiringSection = later(() =>
  import('@/components/renewal/ExpiringSection').then((m) => m.ExpiringSection),
);
const AlertSettingsSection = later(() =>
  import('@/components/alerts/AlertSettingsSection').then((m) => m.AlertSettingsSection),
);
const OrderHistorySection = later(() =>
  import('@/components/OrderHistorySection').then((m) => m.OrderHistorySection),
);
// Draws nothing where no policy is set; a chunk of its own (it parses the policy with zod).
const PolicySection = later(() => import('@/components/policy/PolicySection').then((m) => m.PolicySection));
const DuplicateSafetySection = later(() =>
  import('@/components/DuplicateSafetySection').then((m) => m.DuplicateSafetySection),
);
/**
 * The full template section (zod, the order rules, a read-write read checking every template) loads
 * once the first screen is painted, or after `FULL_LIST_LATEST_MS` if the settings do not answer:
 * loaded at once, it made the page open 2.3–2.7x of the floor page (`npm run bench`). Until then the
 * list comes from the light read (TemplateListFirst), its actions disabled. The sections below the
 * list wait as well: each is a chunk and a message, and loaded with the first screen they kept it
 * from being painted.
 */
const FULL_LIST_LATEST_MS = 1000;

/**
 * True once the first screen is on the page, or after FULL_LIST_LATEST_MS: the settings have
 * answered and the light read of the template list is done, and two frames have passed. The light
 * list must not be replaced before its rows are shown: they would then wait for the full section's
 * chunks and read. Its read is asked first (its layout effect runs before this one, and the store
 * answers in order), so when this one is done, so is the list's.
 */
function useFullList(settingsAnswered: boolean): boolean {
  const [full, setFull] = useState(false);
  const rowsRead = useRef<Promise<unknown> | null>(null);
  useLayoutEffect(() => {
    rowsRead.current = readTemplateRowSummaries().catch(() => null);
  }, []);
  useEffect(() => {
    if (full) return;
    const latest = setTimeout(() => setFull(true), FULL_LIST_LATEST_MS);
    let frame = 0;
    let gone = false;
    // Two frames on: the one holding the first screen has been presented by then. Replaced
    // sooner, its rows could be gone before the browser showed them (under load, frames come late).
    if (settingsAnswered)
      void rowsRead.current?.then(() => {
        if (gone) return;
        frame = requestAnimationFrame(() => {
          frame = requestAnimationFrame(() => setTimeout(() => setFull(true)));
        });
      });
    return () => {
      gone = true;
      clearTimeout(latest);
      cancelAnimationFrame(frame);
    };
  }, [settingsAnswered, full]);
  return full;
}

export function App() {
  const settings = useSettings();
  const full = useFullList(Boolean(settings.view || settings.error));
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
      {/* After the first screen, as the sections below: it loads zod to read the policy. */}
      {full && <PolicySection />}
      {/* Not waiting for the settings: the templates are read from this page, meanwhile. */}
      {full ? <TemplatesSection now={now} /> : <TemplateListFirst now={now} />}
      {settings.view && full && (
        <>
          {settings.view.apiKey.state === 'saved' && settings.view.connection?.state !== 'failed' && (
            <ExpiringSection />
          )}
          <AlertSettingsSection />
          <OrderHistorySection now={now} />
          <DuplicateSafetySection />
        </>
      )}
    </main>
  );
}
