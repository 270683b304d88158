import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatList } from '@/lib/i18n/format';
import type { SettingsView } from '@/lib/messaging';
import { onPolicyChange } from '@/lib/policy/managed';
import { REGIONS, type Region } from '@/lib/region';
import {
  hasRegionAccess,
  isOptionalRegion,
  REGION_ORIGINS,
  releaseOtherRegions,
  requestRegionAccess,
} from '@/lib/settings/host-permission';
import { regionName } from './ConnectionSummary';
import { Notice } from './Notice';
import type { useSettings } from './useSettings';

type Props = { settings: ReturnType<typeof useSettings>; view: SettingsView };

type Outcome = { tone: 'ok' | 'error' | 'warn'; title: string; detail: string } | null;

// Short names for sentences; the radio labels (regionName) also show the host.
const name = (region: Region) =>
  region === 'eu' ? t('common_region_eu_short') : t('common_region_us_short');
const host = (region: Region) => new URL(REGION_ORIGINS[region].replace('/*', '/')).host;

function refused(region: Region, current: Region): Outcome {
  if (region === current) {
    return {
      tone: 'error',
      title: t('settings_region_refused_title', host(region)),
      detail: t('settings_region_refused_detail', [name(region), host(region)]),
    };
  }
  return {
    tone: 'error',
    title: t('settings_region_not_selected_title', [name(region), host(region)]),
    detail: t('settings_region_not_selected_detail', [name(current), name(region), host(region)]),
  };
}

/**
 * The region radio buttons. A region whose host access is optional (Europe) is asked for from the
 * change handler itself, the user's gesture, and saved only once granted; leaving it gives the
 * access back, so the extension holds access to one CertCentral instance at a time.
 */
export function RegionChoice({ settings, view }: Props) {
  const [asking, setAsking] = useState<Region | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Whether the saved region is reachable: the user can withdraw access in the browser's settings.
  const [savedReachable, setSavedReachable] = useState(true);

  useEffect(() => {
    let current = true;
    void hasRegionAccess(view.region).then((ok) => current && setSavedReachable(ok));
    return () => {
      current = false;
    };
  }, [view.region]);

  // The organization's policy may set (or stop setting) the region while the page is open.
  useEffect(() => onPolicyChange(() => void settings.run('getSettings', undefined)), [settings.run]);
  const managed = view.regionManaged === true;

  function choose(region: Region) {
    // No await before this call: browsers only show the permission prompt during the gesture.
    const access = requestRegionAccess(region);
    setAsking(isOptionalRegion(region) ? region : null);
    setOutcome(null);
    void (async () => {
      const granted = await access;
      setAsking(null);
      if (!granted) {
        setOutcome(refused(region, view.region));
        return;
      }
      setSavedReachable(true);
      if (region === view.region) return;
      if (!(await settings.run('setRegion', { region }))) return;
      const released = await releaseOtherRegions(region);
      if (released.length > 0) {
        const names = formatList(released.map((r) => t('settings_region_with_host', [name(r), host(r)])));
        setOutcome({
          tone: 'ok',
          title: t('settings_region_switched_title', name(region)),
          detail: t('settings_region_switched_detail', names),
        });
      }
    })();
  }

  return (
    <fieldset aria-describedby={managed ? 'region-managed' : undefined}>
      <legend>
        {t('settings_region_legend')}{' '}
        {managed && <span class="managed-badge">{t('settings_policy_set_by_organization')}</span>}
      </legend>
      <div class="choices">
        {REGIONS.map((region) => (
          <label key={region}>
            <input
              type="radio"
              name="region"
              value={region}
              checked={view.region === region}
              disabled={managed || settings.busy !== null || asking !== null}
              onChange={() => choose(region)}
            />
            {regionName(region)}
          </label>
        ))}
      </div>
      {managed ? (
        <p class="hint" id="region-managed">
          {t('settings_policy_region_hint', name(view.region))}
        </p>
      ) : (
        <p class="hint">{t('settings_region_hint', host('eu'))}</p>
      )}
      {asking && (
        <p class="hint" role="status">
          {t('settings_region_waiting', host(asking))}
        </p>
      )}
      {!savedReachable && !asking && (
        <Notice tone="warn" title={t('settings_region_unreachable_title', host(view.region))}>
          <p>{t('settings_region_unreachable', name(view.region))}</p>
          <button type="button" onClick={() => choose(view.region)}>
            {t('settings_region_allow', host(view.region))}
          </button>
        </Notice>
      )}
      {outcome && (
        <Notice tone={outcome.tone} title={outcome.title}>
          <p>{outcome.detail}</p>
        </Notice>
      )}
    </fieldset>
  );
}
