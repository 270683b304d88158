import { useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { dismissQuarantined, type QuarantinedTemplate } from '@/lib/templates';
import { downloadText, fileSlug } from '../download';

type Props = { kept: readonly QuarantinedTemplate[]; onChanged: () => void };

/**
 * Templates that could not be read after an update: kept aside, never dropped. Each can be
 * downloaded as it was (secrets already removed) and then dismissed.
 */
export function QuarantineReport({ kept, onChanged }: Props) {
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  if (kept.length === 0) return null;
  return (
    <div class="notice warn stack" role="status">
      <strong>{tn(kept.length, 'settings_kept_aside_one', 'settings_kept_aside_other')}</strong>
      <ul class="kept-aside">
        {kept.map((k, i) => {
          const name = k.name ?? t('settings_unnamed_template', String(i + 1));
          const key = `${k.keptAt}-${i}`;
          return (
            <li key={key} class="stack">
              <p>
                <strong translate={k.name === undefined ? undefined : false}>{name}</strong>: {k.reason}
              </p>
              <div class="row">
                <button
                  type="button"
                  onClick={() => {
                    downloadText(
                      `kept-aside-${fileSlug(name)}.json`,
                      `${JSON.stringify(k.value, null, 2)}\n`,
                    );
                    setSaved(new Set([...saved, key]));
                  }}
                >
                  {t('settings_download')}
                  <span class="visually-hidden" translate={k.name === undefined ? undefined : false}>
                    {' '}
                    {name}
                  </span>
                </button>
                {saved.has(key) ? (
                  <button type="button" onClick={() => dismissQuarantined(i).then(onChanged)}>
                    {t('settings_dismiss')}
                    <span class="visually-hidden" translate={k.name === undefined ? undefined : false}>
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
        })}
      </ul>
    </div>
  );
}
