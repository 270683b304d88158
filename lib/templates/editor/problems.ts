/**
 * Validation as you type: the draft's fixed values go through the order model
 * (validateOrderRequest) and each problem is placed at the editor field it is about, in words.
 * Problems about asked, renewal or CSR fields are not the template's fault (their values come at
 * use), so they are dropped here; so are problems a blank fixed field causes (it gets its own).
 */
import { type MessageKey, t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { type ProductNameId, validateOrderRequest } from '../../order';
import { MAX_NAME_LENGTH, sameName, type TemplateDraft } from '../model';
import type { TemplateProblem } from '../problems';
import { bodyFromFixed, type DraftFields, isBlankValue } from './draft';
import { alwaysRequired, EDITABLE_FIELDS, editableField } from './fields';

export interface FieldProblem {
  field: string;
  /** The list entry it is about (`dns_names[2]` → 2), so the entry itself can be marked. */
  index?: number;
  /** The detail of that entry it is about (`organization.contacts[0].email` → `email`). */
  detail?: string;
  /** The order model's code for it (`required`…), so a view can word some kinds together. */
  code?: string;
  /** The problem alone, for a view that shows the entry and detail itself; `message` says all three. */
  words?: string;
  message: string;
}

export interface DraftCheck {
  name?: string;
  fields: Record<string, FieldProblem[]>;
  /** About the template as a whole (no field to show them at). */
  general: string[];
  count: number;
}

/** An account custom field, as the editor needs it (from getAccountChoices). */
export interface CustomFieldChoice {
  id: number;
  label: string;
  required: boolean;
  active: boolean;
}

export interface CheckDraftOptions {
  today: Date;
  /** Names of the other templates: names are unique. */
  otherNames?: readonly string[];
  customFields?: readonly CustomFieldChoice[];
}

/** A group's problem reads as a sentence at the field it is shown at. */
const GROUP_WORDS: Record<string, MessageKey> = {
  certificate: 'editor_the_certificate',
  'certificate.cert_validity': 'editor_the_cert_validity',
  'certificate.server_platform': 'editor_the_server_platform',
  order_validity: 'editor_the_order_validity',
  organization: 'editor_the_organization',
  organization_contact: 'editor_the_organization_contact',
  technical_contact: 'editor_the_technical_contact',
  container: 'editor_the_container',
  credit_card: 'editor_the_card',
  billing_address: 'editor_the_billing_address',
};

export function emptyCheck(): DraftCheck {
  return { fields: {}, general: [], count: 0 };
}

function add(check: DraftCheck, problem: FieldProblem): void {
  const list = check.fields[problem.field] ?? [];
  if (list.some((p) => p.message === problem.message && p.index === problem.index)) return;
  check.fields[problem.field] = [...list, problem];
  check.count++;
}

function addGeneral(check: DraftCheck, message: string): void {
  check.general.push(message);
  check.count++;
}

export function nameProblem(name: string, otherNames: readonly string[] = []): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return t('editor_give_name');
  if (trimmed.length > MAX_NAME_LENGTH) return t('editor_name_too_long', formatNumber(MAX_NAME_LENGTH));
  const taken = otherNames.find((n) => sameName(n, trimmed));
  return taken === undefined ? undefined : t('editor_name_taken', taken);
}

export function checkDraft(draft: TemplateDraft, options: CheckDraftOptions): DraftCheck {
  const check = emptyCheck();
  const name = nameProblem(draft.name, options.otherNames);
  if (name) {
    check.name = name;
    check.count++;
  }
  const result = validateOrderRequest(bodyFromFixed(draft.fields), {
    product: draft.product as ProductNameId,
    today: options.today,
  });
  if (!result.ok)
    for (const p of result.problems) placeProblem(check, draft.fields, p.path, p.code, p.message);
  for (const p of customFieldProblems(draft.fields, options.customFields ?? [])) add(check, p);
  // Last, and only where nothing more precise was said (the account's required custom field is).
  for (const [path, value] of Object.entries(draft.fields))
    if (value.source === 'fixed' && isBlankValue(value.value) && !check.fields[path])
      add(check, { field: path, message: t('editor_fill_value') });
  return check;
}

/** `organization.contacts[0].email` → field organization.contacts, entry 0. */
function splitPath(path: string): { base: string; index?: number; rest: string } {
  const m = /^([^[]*)(?:\[(\d+)\](.*))?$/.exec(path);
  if (!m?.[2]) return { base: m?.[1] ?? path, rest: '' };
  return { base: m[1] ?? '', index: Number(m[2]), rest: m[3] ?? '' };
}

function placeProblem(check: DraftCheck, fields: DraftFields, path: string, code: string, text: string) {
  const { base, index, rest } = splitPath(path);
  const words = text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
  if (base === '') return addGeneral(check, words);
  if (editableField(base)) {
    const value = fields[base];
    if (value && (value.source !== 'fixed' || isBlankValue(value.value))) return;
    if (!value && (code === 'required' || alwaysRequired(base)))
      return add(check, { field: base, message: t('editor_needed') });
    if (index === undefined) return add(check, { field: base, code, words, message: words });
    const entry = String(index + 1);
    const detail = rest.replace(/^\./, '');
    const message = detail
      ? t('editor_entry_detail_problem', [entry, detail, words])
      : t('editor_entry_problem', [entry, words]);
    return add(check, { field: base, index, ...(detail ? { detail } : {}), code, words, message });
  }
  // A group (organization, order_validity, credit_card…): shown at its first part (organization.id,
  // order_validity.years…), the one a person sets first; unless a part
  // of it comes at use (then the group may well be complete by then).
  const parts = EDITABLE_FIELDS.filter((f) => f.path.startsWith(`${base}.`)).map((f) => f.path);
  if (parts.some((p) => fields[p] && fields[p]?.source !== 'fixed')) return;
  const field = parts[0];
  if (!field) return addGeneral(check, text);
  const chosen = fields[field];
  if (chosen?.source === 'fixed' && isBlankValue(chosen.value)) return; // its blank value is the problem
  const group = GROUP_WORDS[base];
  add(check, { field, message: t('editor_group_problem', [group ? t(group) : base, words]) });
}

function customFieldProblems(fields: DraftFields, choices: readonly CustomFieldChoice[]): FieldProblem[] {
  const value = fields.custom_fields;
  if (value?.source !== 'fixed' && value !== undefined) return [];
  const given = value?.source === 'fixed' && Array.isArray(value.value) ? value.value : [];
  const filled = new Set(
    given.flatMap((e) =>
      e && typeof e === 'object' && !Array.isArray(e) && !isBlankValue(e.value) ? [e.metadata_id] : [],
    ),
  );
  return choices
    .filter((c) => c.required && c.active && !filled.has(c.id))
    .map((c) => ({
      field: 'custom_fields',
      message: t('editor_custom_field_required', c.label),
    }));
}

/** The problems a save refused (checkTemplate's paths: `name`, `fields[path].value`), placed the same way. */
export function placeTemplateProblems(problems: readonly TemplateProblem[]): DraftCheck {
  const check = emptyCheck();
  for (const p of problems) {
    const m = /^fields\[([^\]]+)\]/.exec(p.path);
    const prefix = `${p.path}: `;
    const words = p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
    if (p.path === 'name') {
      check.name = words;
      check.count++;
    } else if (m?.[1]) add(check, { field: m[1], message: words });
    else {
      check.general.push(p.message);
      check.count++;
    }
  }
  return check;
}
