import { useState } from 'preact/hooks';
import { compareCsrWithOrder, KEY_CHOICES, type KeyChoice, namesFromCsr } from '@/lib/csr/index';
import { t } from '@/lib/i18n';
import { formatList } from '@/lib/i18n/format';
import { Notice } from '../Notice';
import type { useCsr } from './useCsr';

type Props = {
  csr: ReturnType<typeof useCsr>;
  /** The order's names as the form has them now (asked or fixed), to compare with the CSR's. */
  orderNames: { commonName: string; dnsNames: string[] } | null;
  /** Set when the form asks for the names: then "use the CSR's names" can fill them. */
  onTakeNames?: (names: { commonName: string; dnsNames: string[] }) => void;
};

/** CSR: paste it, drop a file, or make a key and CSR here; what it says, checked locally. */
export function CsrSection({ csr, orderNames, onTakeNames }: Props) {
  const [dragging, setDragging] = useState(false);
  const [keyChoice, setKeyChoice] = useState<KeyChoice>('ECDSA-P256');
  // When the template takes the names from the CSR, the person names the domains of the new CSR here.
  const [typedNames, setTypedNames] = useState('');
  const { state } = csr;
  const facts = state.kind === 'parsed' ? state.facts : null;
  const refused = facts ? facts.problems.length > 0 : false;
  const comparison = facts && orderNames ? compareCsrWithOrder(facts, orderNames) : null;
  const typed = typedNames.split(/[\s,;]+/).filter(Boolean);
  const namesForNewCsr = orderNames ?? { commonName: typed[0] ?? '', dnsNames: typed.slice(1) };
  const canGenerate = namesForNewCsr.commonName.trim() !== '';

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void csr.readFile(file);
  }

  return (
    <fieldset class="stack csr">
      <legend>{t('popup_csr_legend')}</legend>
      <div class="field">
        <label for="csr-text">{t('popup_csr_label')}</label>
        <textarea
          id="csr-text"
          class={`mono ${dragging ? 'drop-target' : ''}`}
          rows={5}
          spellcheck={false}
          translate={false}
          value={csr.text}
          aria-invalid={state.kind === 'error' || refused ? 'true' : undefined}
          aria-describedby="csr-status"
          placeholder="-----BEGIN CERTIFICATE REQUEST-----"
          onInput={(e) => csr.setText(e.currentTarget.value)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        />
        <div class="row">
          <label class="file-button">
            {t('popup_csr_choose_file')}
            <input
              type="file"
              accept=".csr,.pem,.req,.der,.txt"
              class="visually-hidden"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void csr.readFile(file);
              }}
            />
          </label>
        </div>
      </div>
      <div id="csr-status" aria-live="polite">
        {state.kind === 'checking' && <p class="muted">{t('popup_csr_checking')}</p>}
        {state.kind === 'error' && (
          <p class="problem" role="alert">
            {state.message}
          </p>
        )}
        {facts && (
          <dl class="facts csr-facts">
            <dt>{t('popup_csr_common_name')}</dt>
            <dd>
              {facts.commonName ? <span translate={false}>{facts.commonName}</span> : t('popup_csr_none')}
            </dd>
            <dt>{t('popup_csr_other_names')}</dt>
            <dd>
              {facts.sans.length > 0 ? (
                <span translate={false}>{formatList(facts.sans)}</span>
              ) : (
                t('popup_csr_none')
              )}
            </dd>
            <dt>{t('popup_csr_key')}</dt>
            <dd translate={false}>{facts.keyDescription}</dd>
            <dt>{t('popup_csr_signature')}</dt>
            <dd>
              {facts.signatureValid
                ? t('popup_csr_signature_valid', facts.signatureAlgorithm)
                : t('popup_csr_signature_invalid')}
            </dd>
          </dl>
        )}
        {facts?.problems.map((p) => (
          <p key={p.code} class="problem" role="alert">
            {p.message}
          </p>
        ))}
        {facts?.warnings.map((w) => (
          <p key={w.code} class="hint">
            {w.message}
          </p>
        ))}
      </div>
      {comparison && !comparison.same && !refused && (
        <Notice tone="warn" title={t('popup_csr_names_differ')}>
          <ul class="api-messages">
            {comparison.differences.map((d) => (
              <li key={d.message}>{d.message}</li>
            ))}
          </ul>
          {onTakeNames && facts && (
            <button type="button" onClick={() => onTakeNames(namesFromCsr(facts))}>
              {t('popup_csr_use_names')}
            </button>
          )}
        </Notice>
      )}
      {csr.notice && (
        <Notice tone="ok" title={t('popup_csr_made_title')}>
          <p>{csr.notice}</p>
        </Notice>
      )}
      <details class="generate">
        <summary>{t('popup_csr_generate_summary')}</summary>
        <div class="stack">
          <div class="field">
            <label for="key-choice">{t('popup_csr_key_type')}</label>
            <select
              id="key-choice"
              value={keyChoice}
              onChange={(e) => setKeyChoice(e.currentTarget.value as KeyChoice)}
            >
              {Object.entries(KEY_CHOICES).map(([id, spec]) => (
                <option key={id} value={id}>
                  {t(spec.label)}
                </option>
              ))}
            </select>
          </div>
          {orderNames === null && (
            <div class="field">
              <label for="new-csr-names">{t('popup_csr_new_names')}</label>
              <textarea
                id="new-csr-names"
                rows={2}
                spellcheck={false}
                value={typedNames}
                aria-describedby="new-csr-names-hint"
                onInput={(e) => setTypedNames(e.currentTarget.value)}
              />
              <span id="new-csr-names-hint" class="hint">
                {t('popup_csr_new_names_hint')}
              </span>
            </div>
          )}
          <p class="hint">
            {canGenerate
              ? t('popup_csr_for_names', formatList([namesForNewCsr.commonName, ...namesForNewCsr.dnsNames]))
              : t('popup_csr_name_first')}
          </p>
          <button
            type="button"
            disabled={!canGenerate || csr.generating}
            onClick={() => void csr.generate(keyChoice, namesForNewCsr)}
          >
            {csr.generating ? t('popup_csr_making') : t('popup_csr_make')}
          </button>
        </div>
      </details>
    </fieldset>
  );
}
