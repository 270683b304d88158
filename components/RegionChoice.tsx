import { useEffect, useState } from 'preact/hooks';
import type { SettingsView } from '@/lib/messaging';
import {
  hasRegionAccess,
  isOptionalRegion,
  REGION_ORIGINS,
  releaseOtherRegions,
  requestRegionAccess,
} from '@/lib/settings/host-permission';
import type { Region } from '@/lib/settings/preferences';
import { regionName } from './ConnectionSummary';
import { Notice } from './Notice';
import type { useSettings } from './useSettings';

type Props = { settings: ReturnType<typeof useSettings>; view: SettingsView };

type Outcome = { tone: 'ok' | 'error' | 'warn'; title: string; detail: string } | null;

// Short names for sentences; the radio labels (regionName) also show the host.
const NAMES: Readonly<Record<Region, string>> = { us: 'US', eu: 'Europe' };
const host = (region: Region) => new URL(REGION_ORIGINS[region].replace('/*', '/')).host;

function refused(region: Region, current: Region): Outcome {
  const allow = `click “Allow” when the browser asks for ${host(region)}`;
  if (region === current) {
    return {
      tone: 'error',
      title: `The browser did not allow access to ${host(region)}.`,
      detail: `Nothing is sent to the ${NAMES[region]} instance until you allow it: try again and ${allow}.`,
    };
  }
  return {
    tone: 'error',
    title: `${NAMES[region]} was not selected: the browser did not allow access to ${host(region)}.`,
    detail:
      `The extension still uses the ${NAMES[current]} region, and everything for it keeps working. ` +
      `To use ${NAMES[region]}, choose it again and ${allow}.`,
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
        const names = released.map((r) => `${NAMES[r]} (${host(r)})`).join(', ');
        setOutcome({
          tone: 'ok',
          title: `Switched to ${NAMES[region]}.`,
          detail: `The extension gave back its access to ${names}; choosing it again will ask for it.`,
        });
      }
    })();
  }

  return (
    <fieldset>
      <legend>Region</legend>
      <div class="choices">
        {(['us', 'eu'] as Region[]).map((region) => (
          <label key={region}>
            <input
              type="radio"
              name="region"
              value={region}
              checked={view.region === region}
              disabled={settings.busy !== null || asking !== null}
              onChange={() => choose(region)}
            />
            {regionName(region)}
          </label>
        ))}
      </div>
      <p class="hint">
        Accounts whose console says "CertCentral Europe" use the Europe region. Choosing Europe asks the
        browser to let the extension reach {host('eu')}.
      </p>
      {asking && (
        <p class="hint" role="status">
          Waiting for your answer: allow access to {host(asking)} in the browser’s prompt.
        </p>
      )}
      {!savedReachable && !asking && (
        <Notice tone="warn" title={`The extension may not reach ${host(view.region)}.`}>
          <p>
            Access to the {NAMES[view.region]} instance was withdrawn, so nothing is sent to it. Allow it
            again, or choose another region.
          </p>
          <button type="button" onClick={() => choose(view.region)}>
            Allow access to {host(view.region)}
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
