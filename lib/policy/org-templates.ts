/**
 * The organization's templates in a policy: each one a template as the export file holds it
 * (lib/templates/import-export.ts), given as its JSON text (Chrome's managed schema has one type per
 * value, and a template's fields hold values of every type) or, where the browser passes objects
 * through (Firefox's policies.json), as the object itself. Each is checked exactly as an import is
 * (checkTemplate, `incoming`), so an organization template can hold nothing an import could not.
 *
 * Their ids are made from their names, never taken from the policy: the same template keeps its id
 * from one read to the next (an unfinished order in the popup still finds it), and an id copied from
 * someone's exported template cannot collide with that person's own copy.
 */
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { checkTemplate } from '../templates/check';
import { sameName, type Template } from '../templates/model';
import type { PolicyProblem } from './model';

/** A policy is no place for a template library: more than this is refused as a mistake. */
export const MAX_ORGANIZATION_TEMPLATES = 100;
/** One template's JSON text at most (an export of a large template is a few kilobytes). */
export const MAX_TEMPLATE_TEXT = 100_000;
/** What an organization template's dates say when the policy gives none: nothing was used or changed. */
const EPOCH = '2000-01-01T00:00:00.000Z';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** 32 bits of FNV-1a over the text, seeded, as 8 hex digits. */
function fnv(text: string, seed: number): string {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A UUID made from the template's name (case and accents folded, as names compare). */
export function organizationTemplateId(name: string): string {
  const key = `organization-template:${name.trim().normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()}`;
  const hex = [1, 2, 3, 4].map((seed) => fnv(key, seed)).join('');
  // Version 5 (name-based) and the RFC 9562 variant bits, so it reads as any other UUID.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function readItem(item: unknown): { value: unknown } | { problem: string } {
  if (typeof item === 'string') {
    if (item.length > MAX_TEMPLATE_TEXT) return { problem: t('common_policy_template_too_long') };
    try {
      return { value: JSON.parse(item) };
    } catch {
      return { problem: t('common_policy_template_not_json') };
    }
  }
  return { value: item };
}

/** Which template a problem is about: its number in the list and, when readable, its name. */
function about(index: number, raw: unknown, message: string): PolicyProblem {
  const name = isObject(raw) && typeof raw.name === 'string' ? raw.name.trim().slice(0, 60) : '';
  const number = formatNumber(index + 1);
  return {
    where: name
      ? t('common_policy_where_template_named', [number, name])
      : t('common_policy_where_template', number),
    message,
  };
}

export function parseOrganizationTemplates(raw: unknown): {
  templates: Template[];
  problems: PolicyProblem[];
} {
  const where = 'organizationTemplates';
  if (!Array.isArray(raw))
    return { templates: [], problems: [{ where, message: t('common_policy_not_a_list') }] };
  if (raw.length > MAX_ORGANIZATION_TEMPLATES)
    return {
      templates: [],
      problems: [
        { where, message: t('common_policy_too_many_templates', formatNumber(MAX_ORGANIZATION_TEMPLATES)) },
      ],
    };
  const templates: Template[] = [];
  const problems: PolicyProblem[] = [];
  for (const [index, item] of raw.entries()) {
    const read = readItem(item);
    if ('problem' in read) {
      problems.push(about(index, undefined, read.problem));
      continue;
    }
    const value = read.value;
    if (!isObject(value)) {
      problems.push(about(index, value, t('common_policy_template_not_object')));
      continue;
    }
    // Use counts and dates describe someone's browser, not the organization's template.
    const { lastUsedAt: _l, useCount: _u, id: _id, ...rest } = value;
    const name = typeof rest.name === 'string' ? rest.name : '';
    const filled = {
      createdAt: EPOCH,
      updatedAt: EPOCH,
      ...rest,
      id: organizationTemplateId(name),
      useCount: 0,
    };
    const checked = checkTemplate(filled, 'incoming');
    if (!checked.ok) {
      problems.push(...checked.problems.map((p) => about(index, value, p.message)));
      continue;
    }
    if (templates.some((other) => sameName(other.name, checked.template.name))) {
      problems.push(about(index, value, t('common_policy_template_name_twice')));
      continue;
    }
    templates.push(checked.template);
  }
  return { templates, problems };
}
