import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { PRODUCTS } from '@/lib/order';
import type { TemplateDraft } from '@/lib/templates';
import type { ChoicesState } from '@/lib/templates/editor/choices';
import { describedBy } from './ids';

type Props = {
  draft: TemplateDraft;
  nameProblem?: string | undefined;
  choices: ChoicesState;
  onChange: (changes: Partial<Pick<TemplateDraft, 'name' | 'description' | 'product'>>) => void;
};

/** The template's own name, description and product (what the popup lists and searches). */
export function TemplateBasics({ draft, nameProblem, choices, onChange }: Props) {
  // Opening the editor moves focus (and the view) to its first field, for keyboard users too.
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);
  const offered =
    choices.account && 'items' in choices.account.products ? choices.account.products.items : undefined;
  return (
    <div class="basics">
      <div class="field">
        <label for="template-name">{t('editor_template_name')}</label>
        <input
          id="template-name"
          type="text"
          ref={nameInput}
          value={draft.name}
          onInput={(e) => onChange({ name: e.currentTarget.value })}
          aria-invalid={nameProblem ? 'true' : undefined}
          aria-describedby={describedBy(nameProblem && 'template-name-problem', 'template-name-hint')}
        />
        <span id="template-name-hint" class="hint">
          {t('editor_template_name_hint')}
        </span>
        <div id="template-name-problem" class="problems" aria-live="polite">
          {nameProblem}
        </div>
      </div>
      <div class="field">
        <label for="template-product">{t('editor_product')}</label>
        <select
          id="template-product"
          value={draft.product}
          onChange={(e) => onChange({ product: e.currentTarget.value as TemplateDraft['product'] })}
        >
          {PRODUCTS.map((p) => {
            const mine = offered?.find((o) => o.nameId === p.nameId);
            // Product names are DigiCert's own; only the note about the account is in words.
            const name = mine?.name ?? p.name;
            return offered && !mine ? (
              <option key={p.nameId} value={p.nameId}>
                {t('editor_not_offered', name)}
              </option>
            ) : (
              <option key={p.nameId} value={p.nameId} translate={false}>
                {name}
              </option>
            );
          })}
        </select>
      </div>
      <div class="field wide">
        <label for="template-description">{t('editor_description')}</label>
        <input
          id="template-description"
          type="text"
          value={draft.description ?? ''}
          onInput={(e) => onChange({ description: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
