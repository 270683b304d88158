import { useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { dismissQuarantined, type QuarantinedTemplate } from '@/lib/templates';
import { downloadText, fileSlug } from '../download';

type Props = { kept: readonly QuarantinedTemplate[]; onChanged: () => void };

/**
 * Templates this version cannot use, never dropped. Two kinds, told apart because what the user can
 * do differs: templates kept aside after an update (download, then dismiss) and templates a newer
 * version of the extension saved (left exactly as they are until the extension is updated: they
 * can be downloaded as a backup, not dismissed).
 */
export function QuarantineReport({ kept, onChanged }: Props) {
  const entries = kept.map((k, index) => ({ k, index }));
  const aside = entries.filter((e) => e.k.newerVersion === undefined);
  const newer = entries.filter((e) => e.k.newerVersion !== undefined);
  if (kept.length === 0) return null;
  return (
    <>
      {newer.length > 0 && (
        <div class="notice warn stack" role="status">
          <strong>{t('settings_newer_heading')}</strong>
          <ul class="kept-aside">
            {newer.map(({ k, index }) => (
              <KeptEntry key={`${k.keptAt}-${index}`} k={k} index={index} onChanged={onChanged} />
            ))}
          </ul>
        </div>
      )}
      {aside.length > 0 && (
        <div class="notice warn stack" role="status">
          <strong>{tn(aside.length, 'settings_kept_aside_one', 'settings_kept_aside_other')}</strong>
          <ul class="kept-aside">
            {aside.map(({ k, index }) => (
              <KeptEntry key={`${k.keptAt}-${index}`} k={k} index={index} onChanged={onChanged} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function entryName(k: QuarantinedTemplate, index: number): string {
  if (k.name !== undefined) return k.name;
  // A whole record saved by a newer version has no one template's name: it is every template.
  if (k.newerVersion !== undefined) return t('settings_newer_all_templates');
  return t('settings_unnamed_template', String(index + 1));
}

function KeptEntry({
  k,
  index,
  onChanged,
}: {
  k: QuarantinedTemplate;
  index: number;
  onChanged: () => void;
}) {
  const [downloaded, setDownloaded] = useState(false);
  const name = entryName(k, index);
  const isData = k.name === undefined ? undefined : false;
  const newer = k.newerVersion !== undefined;
  return (
    <li class="stack">
      <p>
        <strong translate={isData}>{name}</strong>: {k.reason}
      </p>
      <div class="row">
        <button
          type="button"
          onClick={() => {
            downloadText(`kept-aside-${fileSlug(name)}.json`, `${JSON.stringify(k.value, null, 2)}\n`);
            setDownloaded(true);
          }}
        >
          {t('settings_download')}
          <span class="visually-hidden" translate={isData}>
            {' '}
            {name}
          </span>
        </button>
        {newer ? null : downloaded ? (
          <button type="button" onClick={() => dismissQuarantined(index).then(onChanged)}>
            {t('settings_dismiss')}
            <span class="visually-hidden" translate={isData}>
              {' '}
              {name}
            </span>
          </button>
        ) : (
          <span class="hint">{t('settings_download_first')}</span>
        )}
      </div>
    </li>
  );
}
