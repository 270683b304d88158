/**
 * From a template to an order request body: fixed values as they are, asked values from the
 * person's answers (or the field's default), renewal values from the renewed order, CSR values from the
 * CSR. Pure: the caller validates the body with validateOrderRequest and shows its problems at their paths.
 */
import { t } from '../i18n';
import { type FieldInfo, ORDER_FIELDS } from '../order';
import { coerceAnswer, isEmptyAnswer } from './answers';
import { fieldLabel } from './editor/fields';
import { type FieldSource, isCardPath, type Template } from './model';

/** What a CSR tells about the order (lib/csr parses it; this module never does). */
export interface CsrFacts {
  pem?: string;
  commonName?: string;
  dnsNames?: readonly string[];
}

export interface BuildSources {
  /** Values from the order being renewed, keyed by field path (the renewal issue fills these). */
  renewal?: Readonly<Record<string, unknown>>;
  csr?: CsrFacts;
}

/** A field the body still needs before it can be sent, and who can give it. */
export interface MissingField {
  path: string;
  label: string;
  source: Exclude<FieldSource, 'fixed'>;
}

export interface BuiltOrder {
  body: Record<string, unknown>;
  missing: MissingField[];
}

/** One asked field, as the popup's form shows it. */
export interface AskedField {
  path: string;
  label: string;
  help: string;
  /** The label and help as the template's author wrote them (shown as written, not translated). */
  ownLabel: boolean;
  ownHelp: boolean;
  default?: unknown;
  optional: boolean;
  /** Card data: serves one request and is forgotten (never in a draft, the outbox or a log). */
  sensitive: boolean;
  field: FieldInfo;
}

/** `order_validity.years` → "Order validity (years)": the editor's name for it, when the template gives no label. */
export function defaultLabel(path: string): string {
  return fieldLabel(path);
}

/** Fields in the catalogue's order, so the form and the body read in the same order as the API docs. */
function inOrder(template: Template): [FieldInfo, Template['fields'][string]][] {
  return ORDER_FIELDS.flatMap((info) => {
    const value = template.fields[info.path];
    return value ? [[info, value] as [FieldInfo, typeof value]] : [];
  });
}

export function askedFields(template: Template): AskedField[] {
  return inOrder(template).flatMap(([info, value]) =>
    value.source === 'asked'
      ? [
          {
            path: info.path,
            label: value.label ?? defaultLabel(info.path),
            help: value.help ?? t(info.description),
            ownLabel: value.label !== undefined,
            ownHelp: value.help !== undefined,
            ...(value.default !== undefined ? { default: value.default } : {}),
            optional: value.optional ?? false,
            sensitive: isCardPath(info.path),
            field: info,
          },
        ]
      : [],
  );
}

function fromCsr(path: string, csr: CsrFacts | undefined): unknown {
  if (path === 'certificate.csr') return csr?.pem;
  if (path === 'certificate.common_name') return csr?.commonName;
  if (path === 'certificate.dns_names') return csr?.dnsNames && [...csr.dnsNames];
  return undefined;
}

export function buildOrderBody(
  template: Template,
  answers: Readonly<Record<string, unknown>>,
  sources: BuildSources = {},
): BuiltOrder {
  const body: Record<string, unknown> = {};
  const missing: MissingField[] = [];
  for (const [info, value] of inOrder(template)) {
    if (value.source === 'fixed') {
      setPath(body, info.path, structuredClone(value.value));
      continue;
    }
    let found: unknown;
    if (value.source === 'renewal') found = sources.renewal?.[info.path];
    else if (value.source === 'csr') {
      // A CSR without SANs beyond its common name adds no dns_names: that is not "missing".
      if (info.path === 'certificate.dns_names' && sources.csr && !sources.csr.dnsNames?.length) continue;
      found = fromCsr(info.path, sources.csr);
    } else {
      const answer = answers[info.path];
      found = isEmptyAnswer(answer) ? value.default : coerceAnswer(info, answer);
      if (isEmptyAnswer(found) && value.optional) continue;
    }
    if (isEmptyAnswer(found)) {
      const label = value.source === 'asked' ? value.label : undefined;
      missing.push({ path: info.path, label: label ?? defaultLabel(info.path), source: value.source });
    } else setPath(body, info.path, structuredClone(found));
  }
  return { body, missing };
}

/** Sets `a.b.c` in a nested object, making the objects on the way. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let cur = root;
  for (const part of parts) {
    const next = cur[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[last] = value;
}
