/**
 * From the popup's form to an order ready to review: the template's body with the answers, the CSR's
 * facts and the card, checked with the order model on today's date. Every problem lands at the asked
 * field it belongs to; the rest belong to the template itself (its fixed values) and say so.
 */
import type { Problem } from '../order/problem';
import type { ProductNameId } from '../order/products';
import { validateOrderRequest } from '../order/validate';
import { type AskedField, buildOrderBody, type CsrFacts, type MissingField } from '../templates/build';
import type { Template } from '../templates/model';

/** The order being renewed: its id and the values for fields whose source is "from the renewed order". */
export interface RenewalSource {
  orderId: number;
  values: Readonly<Record<string, unknown>>;
}

export interface PreparedOrder {
  body: Record<string, unknown>;
  missing: MissingField[];
  /** Problems at asked fields, by the field's path. */
  atField: Record<string, Problem[]>;
  /** Problems with the template's fixed values or with what the CSR gave. */
  elsewhere: Problem[];
  warnings: Problem[];
  ready: boolean;
}

/** The asked field a problem belongs to: the longest asked path that is the problem's path or its parent. */
export function fieldOf(problemPath: string, asked: readonly string[]): string | undefined {
  const plain = problemPath.replace(/\[\d+\]/g, '');
  return asked
    .filter((path) => plain === path || plain.startsWith(`${path}.`))
    .sort((a, b) => b.length - a.length)[0];
}

export function prepareOrder(
  template: Template,
  asked: readonly AskedField[],
  answers: Readonly<Record<string, unknown>>,
  options: { csr?: CsrFacts; card?: Record<string, unknown>; renewal?: RenewalSource; today: Date },
): PreparedOrder {
  const sources = {
    ...(options.csr ? { csr: options.csr } : {}),
    ...(options.renewal ? { renewal: options.renewal.values } : {}),
  };
  const built = buildOrderBody(template, answers, sources);
  // A renewal always names the order it renews, whatever the template holds (DigiCert's order page: renewal orders
  // must include renewal_of_order_id or renewed_thumbprint).
  const renewing = options.renewal ? { renewal_of_order_id: options.renewal.orderId } : {};
  const base = { ...built.body, ...renewing };
  const body = options.card ? { ...base, credit_card: options.card } : base;
  const result = validateOrderRequest(body, {
    product: template.product as ProductNameId,
    today: options.today,
    ...(options.renewal ? { renewal: true } : {}),
  });
  const askedPaths = asked.map((a) => a.path);
  const atField: Record<string, Problem[]> = {};
  const elsewhere: Problem[] = [];
  const missingPaths = new Set(built.missing.map((m) => m.path));
  for (const problem of result.ok ? [] : result.problems) {
    const field = fieldOf(problem.path, askedPaths);
    // "Required" problems for a field still missing are said once, by the missing list.
    if (missingPaths.has(problem.path.replace(/\[\d+\]/g, ''))) continue;
    if (field) atField[field] = [...(atField[field] ?? []), problem];
    else elsewhere.push(problem);
  }
  const ready = built.missing.length === 0 && result.ok;
  return {
    body: result.ok ? withCard(result.request, options.card) : body,
    missing: built.missing,
    atField,
    elsewhere,
    warnings: result.warnings,
    ready,
  };
}

/** validateOrderRequest returns the parsed body; the card rides along unchanged. */
function withCard(request: object, card: Record<string, unknown> | undefined): Record<string, unknown> {
  return card
    ? { ...(request as Record<string, unknown>), credit_card: card }
    : { ...(request as Record<string, unknown>) };
}
