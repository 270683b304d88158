import { type Problem, type ProblemCode, problem, valueAt } from '../problem';
import type { ProductInfo } from '../products';
import type { RequestView } from '../request';

/** What every rule gets besides the request: the product's data, the ordering day, the raw body. */
export interface RuleContext {
  product: ProductInfo;
  /** The ordering day (UTC midnight of the injected clock). Rules never read the system clock. */
  today: Date;
  /** The caller says this order renews an earlier one. */
  renewal: boolean;
  /**
   * Whether the raw body has a value at a path, valid or not. A rule that wants a field asks this
   * rather than the parsed view, so a present-but-malformed field is reported once (by the schema),
   * not a second time as "missing".
   */
  sent(...path: PropertyKey[]): boolean;
}

export interface Report {
  error(path: string, code: ProblemCode, text: string): void;
  warn(path: string, code: ProblemCode, text: string): void;
}

/** A cross-field rule: reads the (possibly partial) request and reports what it finds. */
export type Rule = (request: RequestView, ctx: RuleContext, report: Report) => void;

export function makeContext(body: unknown, product: ProductInfo, today: Date, renewal: boolean): RuleContext {
  return { product, today, renewal, sent: (...path) => valueAt(body, path) !== undefined };
}

export function collector(): Report & { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  return {
    errors,
    warnings,
    error: (path, code, text) => errors.push(problem(path, code, text)),
    warn: (path, code, text) => warnings.push(problem(path, code, text)),
  };
}
