import { useEffect, useRef } from 'preact/hooks';
import { PRODUCTS } from '@/lib/order';
import type { TemplateDraft } from '@/lib/templates';
import type { ChoicesState } from '@/lib/templates/editor-choices';
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
        <label for="template-name">Template name</label>
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
          How the popup lists it, e.g. “EV www.example.com, 1 year”.
        </span>
        <div id="template-name-problem" class="problems" aria-live="polite">
          {nameProblem}
        </div>
      </div>
      <div class="field">
        <label for="template-product">Product</label>
        <select
          id="template-product"
          value={draft.product}
          onChange={(e) => onChange({ product: e.currentTarget.value as TemplateDraft['product'] })}
        >
          {PRODUCTS.map((p) => {
            const mine = offered?.find((o) => o.nameId === p.nameId);
            const note = offered && !mine ? ' (not offered to this account)' : '';
            return (
              <option key={p.nameId} value={p.nameId}>
                {mine?.name ?? p.name}
                {note}
              </option>
            );
          })}
        </select>
      </div>
      <div class="field wide">
        <label for="template-description">Description (optional)</label>
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
