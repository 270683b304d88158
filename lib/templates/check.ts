/**
 * Whether something may be (or stay) a template: the shape (model.ts), the secrets scan (secrets.ts),
 * then what each field may hold. Reports every problem at once so a person fixes them in one pass.
 *
 * Deprecated fields (DEPRECATED_FIELDS): a new or edited template refuses them (the editor does not
 * offer them). A template that arrives from before the deprecation (import, or storage after an
 * update) keeps working: its value moves to the replacement field when that one is empty, otherwise it
 * is dropped, and either way a warning says so. Refusing it would punish a file that was right when made.
 */
import { t } from '../i18n';
import { DEPRECATED_FIELDS, findLimitBreach, findReservedKeys, type LimitWording, limitText } from '../order';
import { checkFieldValue } from './check-field';
import { type FieldValue, type Template, templateSchema } from './model';
import { fieldPath, type TemplateProblem, templateProblem } from './problems';
import { findSecrets } from './secrets';
import { shapeProblems, templatePath } from './shape-problems';

/** `new`: made or edited here. `incoming`: read from storage or an import file. */
export type CheckMode = 'new' | 'incoming';

export type TemplateCheck =
  | { ok: true; template: Template; warnings: TemplateProblem[] }
  | { ok: false; problems: TemplateProblem[]; warnings: TemplateProblem[] };

/** A template is one level deeper than the order values it holds: fields[path].value[0].email. */
const TEMPLATE_WORDING: LimitWording = {
  thing: 'common_limit_thing_template',
  depth: 5,
  deepest: 'fields[organization.contacts].value[0].email',
};

export function checkTemplate(raw: unknown, mode: CheckMode): TemplateCheck {
  const refused = hostileProblems(raw);
  if (refused.length > 0) return { ok: false, problems: refused, warnings: [] };
  const problems = findSecrets(raw);
  const warnings: TemplateProblem[] = [];
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...shapeProblems(parsed.error.issues, raw));
    return { ok: false, problems, warnings };
  }
  const fields =
    mode === 'incoming' ? replaceDeprecated(parsed.data.fields, warnings) : { ...parsed.data.fields };
  const reported = new Set(problems.map((p) => p.path));
  for (const [path, value] of Object.entries(fields)) {
    // A secret key already has its problem; "unknown field" on top would only add noise.
    if (reported.has(fieldPath(path))) continue;
    problems.push(...checkFieldValue(path, value));
  }
  if (problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, template: { ...parsed.data, fields }, warnings };
}

/**
 * Checked before anything else looks at the value, the secrets scan and zod included (both recurse):
 * size and depth first (see lib/order/bounds.ts), then keys named like Object.prototype members, which
 * no template has and which zod would turn into the prototype of `fields` instead of an entry of it.
 */
function hostileProblems(raw: unknown): TemplateProblem[] {
  const breach = findLimitBreach(raw);
  if (breach) {
    const at = templatePath(breach.parts.slice(0, TEMPLATE_WORDING.depth));
    return [templateProblem(at, 'invalid_shape', limitText(breach, TEMPLATE_WORDING))];
  }
  return findReservedKeys(raw).map((parts) => {
    const key = String(parts[parts.length - 1]);
    const isField = parts.length === 2 && parts[0] === 'fields';
    return templateProblem(
      templatePath(parts),
      isField ? 'unknown_field' : 'invalid_shape',
      t('settings_check_reserved_key', key),
    );
  });
}

function replaceDeprecated(
  fields: Record<string, FieldValue>,
  warnings: TemplateProblem[],
): Record<string, FieldValue> {
  const out = { ...fields };
  for (const old of DEPRECATED_FIELDS) {
    const value = out[old.path];
    if (value === undefined) continue;
    delete out[old.path];
    const to = old.replacement;
    if (to !== null && out[to] === undefined) {
      out[to] = value;
      warnings.push(
        templateProblem(
          fieldPath(old.path),
          'deprecated_moved',
          t('settings_check_deprecated_moved', [t(old.reason), to]),
        ),
      );
    } else {
      const text =
        to === null
          ? t('settings_check_deprecated_dropped_none', t(old.reason))
          : t('settings_check_deprecated_dropped_set', [t(old.reason), to]);
      warnings.push(templateProblem(fieldPath(old.path), 'deprecated_dropped', text));
    }
  }
  return out;
}
