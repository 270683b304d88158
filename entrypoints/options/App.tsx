import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ApiKeySection } from '@/components/ApiKeySection';
import { afterFrames, FRAMES_AFTER_FIRST_SCREEN } from '@/components/after-frames';
import { later } from '@/components/later';
import { Notice } from '@/components/Notice';
import { TemplatesSection } from '@/components/templates/TemplatesSection';
import { useSettings } from '@/components/useSettings';
import { t } from '@/lib/i18n';
import type { FirstReads } from '@/lib/settings/first-reads';
import type { TemplateRowSummary } from '@/lib/templates/summaries';
import './options.css';

// The first screen is the connection and the template list; everything else is a chunk of its own
// (zod, the full template reader and the template editor included), so the page's initial
// JavaScript stays small.
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
 * The full template list (zod, the order rules, a read-write read checking every template) loads
 * once the first screen is painted, or after `FULL_LIST_LATEST_MS` if the settings do not answer:
 * loaded at once, it made the page open 2.3–2.7x of the floor page (`npm run bench`). Until then the
 * list shows the rows of the light read, its actions disabled. The sections below the list wait as
 * well: each is a chunk and a message, and loaded with the first screen they kept it from being
 * painted.
 */
const FULL_LIST_LATEST_MS = 1000;
/**
 * The rows of the light read: undefined while it runs, null when only the full reader can list them
 * (under a policy, or before the record has moved to the private store).
 */
function useFirstRows(read: FirstReads['rows']): TemplateRowSummary[] | null | undefined {
  const [rows, setRows] = useState<TemplateRowSummary[] | null | undefined>(undefined);
  useLayoutEffect(() => {
    void read.then(setRows);
  }, [read]);
  return rows;
}

/**
 * True once the first screen is on the page, or after FULL_LIST_LATEST_MS: the settings have
 * answered and the light read of the template list is done, and FRAMES_AFTER_FIRST_SCREEN frames
 * have passed (components/after-frames.ts).
 */
function useFullList(firstScreenDrawn: boolean): boolean {
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (full) return;
    const latest = setTimeout(() => setFull(true), FULL_LIST_LATEST_MS);
    const cancel = firstScreenDrawn ? afterFrames(FRAMES_AFTER_FIRST_SCREEN, () => setFull(true)) : undefined;
    return () => {
      clearTimeout(latest);
      cancel?.();
    };
  }, [firstScreenDrawn, full]);
  return full;
}

export function App({ first }: { first: FirstReads }) {
  const firstRows = useFirstRows(first.rows);
  const settings = useSettings(first.settings);
  const full = useFullList(Boolean(settings.view || settings.error) && firstRows !== undefined);
  // The list is most of the first screen's elements: drawn again when its own input changes, not at
  // each answer of the settings (Preact skips an element it is given again, unchanged).
  const templates = useMemo(
    () => <TemplatesSection now={new Date()} firstRows={firstRows ?? null} full={full} />,
    [firstRows, full],
  );
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
      {templates}
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
