import { useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import {
  type ClashDecision,
  type ImportPlan,
  importFileSizeProblem,
  planTemplateImport,
  saveImport,
} from '@/lib/templates';

type Plan = Extract<ImportPlan, { ok: true }>;
type Props = { onImported: (message: string) => void };

/**
 * Import from a file made by Export: a bad file is refused with every reason, here at the control,
 * and nothing changes; a name clash asks, per template, to replace the existing one or keep both.
 */
export function ImportControl({ onImported }: Props) {
  const [problems, setProblems] = useState<string[]>([]);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [decisions, setDecisions] = useState<Record<string, ClashDecision>>({});

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    setPlan(null);
    const tooLarge = importFileSizeProblem(file.size);
    if (tooLarge) return setProblems([tooLarge]);
    const result = await planTemplateImport(await file.text());
    if (!result.ok) return setProblems(result.problems.map((p) => p.message));
    setProblems([]);
    if (result.clashes.length > 0) {
      setDecisions({});
      return setPlan(result);
    }
    await apply(result, {});
  }

  async function apply(p: Plan, answers: Record<string, ClashDecision>) {
    await saveImport(p, answers);
    setPlan(null);
    const n = p.additions.length + p.clashes.length;
    const warnings = p.warnings.length > 0 ? ` ${p.warnings.map((w) => w.message).join(' ')}` : '';
    onImported(`${tn(n, 'settings_imported_one', 'settings_imported_other')}${warnings}`);
  }

  return (
    <div class="import stack">
      <div class="field">
        <label for="template-import">{t('settings_import_label')}</label>
        <input
          id="template-import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => choose(e.currentTarget)}
          aria-invalid={problems.length > 0 ? 'true' : undefined}
          aria-describedby={problems.length > 0 ? 'template-import-problems' : 'template-import-hint'}
        />
        <span id="template-import-hint" class="hint">
          {t('settings_import_hint')}
        </span>
      </div>
      {problems.length > 0 && (
        <div id="template-import-problems" class="notice error" role="alert">
          <strong>{t('settings_import_refused')}</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {plan && (
        <form
          class="notice warn stack"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(plan, decisions);
          }}
        >
          <strong role="status">{t('settings_import_clash')}</strong>
          {plan.clashes.map(({ incoming }) => (
            <fieldset key={incoming.id}>
              <legend>{t('settings_import_exists', incoming.name)}</legend>
              <div class="choices">
                {(['replace', 'keep-both'] as const).map((d) => (
                  <label key={d}>
                    <input
                      type="radio"
                      name={`clash-${incoming.id}`}
                      checked={(decisions[incoming.id] ?? 'keep-both') === d}
                      onChange={() => setDecisions({ ...decisions, [incoming.id]: d })}
                    />
                    {d === 'replace' ? t('settings_import_replace') : t('settings_import_keep_both')}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div class="row">
            <button type="submit" class="primary">
              {t('settings_import')}
            </button>
            <button type="button" onClick={() => setPlan(null)}>
              {t('settings_import_cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
