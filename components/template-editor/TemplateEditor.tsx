import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/lib/i18n';
import { getProduct } from '@/lib/order';
import { saveNewTemplate, saveTemplateEdit, type Template, type TemplateDraft } from '@/lib/templates';
import { customFieldChoices } from '@/lib/templates/editor/choices';
import { cleanFields, newTemplateFields } from '@/lib/templates/editor/draft';
import { EDITOR_GROUPS } from '@/lib/templates/editor/groups';
import { checkDraft, type DraftCheck, placeTemplateProblems } from '@/lib/templates/editor/problems';
import { hasUnsavedChanges } from '@/lib/templates/editor/unsaved';
import { ChoicesStatus } from './ChoicesStatus';
import { DiscardDialog } from './DiscardDialog';
import { EditorGroupSection } from './EditorGroupSection';
import { ErrorSummary } from './ErrorSummary';
import { OrganizationStatus } from './OrganizationStatus';
import { TemplateBasics } from './TemplateBasics';
import { UnreadableChoices } from './UnreadableChoices';
import { useAccountChoices } from './useAccountChoices';
import { useDraft } from './useDraft';
import { ValidityHelper } from './ValidityHelper';

type Props = {
  /** The template to edit; a new one when absent. */
  template?: Template | undefined;
  /** The other templates' names (names are unique). */
  otherNames: readonly string[];
  onSaved: (template: Template) => void;
  onCancel: () => void;
  today?: Date;
};

function startingDraft(template: Template | undefined): TemplateDraft {
  if (template) {
    const { name, product, fields, description, organizationName } = template;
    return {
      name,
      product,
      fields,
      ...(description ? { description } : {}),
      ...(organizationName ? { organizationName } : {}),
    };
  }
  return { name: '', product: 'ssl_ev_securesite_pro', fields: newTemplateFields(true) };
}

/** The full template editor: every field of the order, grouped, checked as you type. */
export function TemplateEditor({ template, otherNames, onSaved, onCancel, today = new Date() }: Props) {
  const [start] = useState(() => startingDraft(template));
  const { draft, setField, setMeta, shows, submitted, setSubmitted } = useDraft(() => start);
  const unsaved = useMemo(() => hasUnsavedChanges(start, draft), [start, draft]);
  const [asking, setAsking] = useState(false);
  const leave = () => (unsaved ? setAsking(true) : onCancel());
  // Read by the listener below when the tab closes: set as the editor renders, so a change typed just
  // before closing counts even if effects have not run yet.
  const unsavedNow = useRef(unsaved);
  unsavedNow.current = unsaved;
  useEffect(() => {
    // Closing the tab or reloading the page with changes not saved: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => {
      if (unsavedNow.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const org = draft.fields['organization.id'];
  const organizationId = org?.source === 'fixed' ? org.value : undefined;
  const { state: choices, refresh } = useAccountChoices(draft.product, organizationId);
  const [refused, setRefused] = useState<DraftCheck | null>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const product = getProduct(draft.product);
  const customFields = customFieldChoices(choices).fields;
  const check = useMemo(
    () => checkDraft(draft, { today, otherNames, customFields }),
    [draft, today, otherNames, customFields],
  );
  const ctx = {
    choices,
    maxOrderYears: product?.maxOrderYears ?? 3,
    needsEvApprover: product?.needsEvApprover ?? false,
    organizationId,
  };
  const problemsAt = (path: string) => [
    ...(shows(path) ? (check.fields[path] ?? []) : []),
    ...(refused?.fields[path] ?? []),
  ];

  async function save(event: Event) {
    event.preventDefault();
    setSubmitted(true);
    setRefused(null);
    setAttempt((n) => n + 1);
    if (check.count > 0) return;
    setSaving(true);
    const orgs = choices.account?.organizations;
    const known = orgs && 'items' in orgs ? orgs.items.find((o) => o.id === ctx.organizationId) : undefined;
    const { organizationName: oldName, description, ...rest } = draft;
    const before = template?.fields['organization.id'];
    const sameOrg = before?.source === 'fixed' && before.value === ctx.organizationId;
    const organizationName = known?.name ?? (sameOrg ? oldName : undefined);
    const cleaned: TemplateDraft = {
      ...rest,
      name: draft.name.trim(),
      fields: cleanFields(draft.fields),
      ...(description?.trim() ? { description: description.trim() } : {}),
      ...(organizationName ? { organizationName } : {}),
    };
    const result = template ? await saveTemplateEdit(template.id, cleaned) : await saveNewTemplate(cleaned);
    setSaving(false);
    if (result.ok) onSaved(result.template);
    else setRefused(placeTemplateProblems(result.problems));
  }

  const summary = refused ?? (submitted && check.count > 0 ? check : null);
  return (
    <form class="template-editor stack" onSubmit={save} noValidate aria-labelledby="editor-heading">
      <div class="row spread">
        <h2 id="editor-heading">
          {template ? t('editor_edit_heading', template.name) : t('editor_new_heading')}
        </h2>
        <button type="button" onClick={leave}>
          {t('editor_back')}
        </button>
      </div>
      <TemplateBasics
        draft={draft}
        nameProblem={shows('name') ? (refused?.name ?? check.name) : refused?.name}
        choices={choices}
        onChange={setMeta}
      />
      <ChoicesStatus state={choices} onRefresh={refresh} />
      <UnreadableChoices account={choices.account} />
      {EDITOR_GROUPS.map((group) => (
        <EditorGroupSection
          key={group.id}
          group={group}
          fields={draft.fields}
          problemsAt={problemsAt}
          onChange={setField}
          ctx={ctx}
        >
          {group.id === 'product' && <ValidityHelper fields={draft.fields} today={today} />}
          {group.id === 'organization' && (
            <OrganizationStatus
              choices={choices}
              organizationId={organizationId}
              needsEv={ctx.needsEvApprover}
              today={today}
            />
          )}
        </EditorGroupSection>
      ))}
      <div class="editor-actions stack">
        {summary && <ErrorSummary key={attempt} check={summary} />}
        <div class="row">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? t('editor_saving') : t('editor_save')}
          </button>
          <button type="button" onClick={leave}>
            {t('common_cancel')}
          </button>
          {!summary && check.count > 0 && (
            <span class="hint">
              {tn(check.count, 'editor_problems_left_one', 'editor_problems_left_other')}
            </span>
          )}
        </div>
      </div>
      {asking && (
        <DiscardDialog
          name={template?.name ?? draft.name.trim()}
          onKeep={() => setAsking(false)}
          onDiscard={onCancel}
        />
      )}
    </form>
  );
}
