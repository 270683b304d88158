import { useState } from 'preact/hooks';
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
      <strong>
        {kept.length === 1 ? 'One template was' : `${kept.length} templates were`} kept aside: it could not be
        read after an update.
      </strong>
      <ul class="kept-aside">
        {kept.map((k, i) => {
          const name = k.name ?? `Unnamed template ${i + 1}`;
          const key = `${k.keptAt}-${i}`;
          return (
            <li key={key} class="stack">
              <p>
                <strong>{name}</strong>: {k.reason}
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
                  Download<span class="visually-hidden"> {name}</span>
                </button>
                {saved.has(key) ? (
                  <button type="button" onClick={() => dismissQuarantined(i).then(onChanged)}>
                    Dismiss<span class="visually-hidden"> {name}</span>
                  </button>
                ) : (
                  <span class="hint">Download it first; then you can dismiss it.</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
