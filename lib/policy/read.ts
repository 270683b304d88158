/**
 * The policy in force, from managed storage, read afresh each time (the browser may change it at
 * any moment) and parsed once per distinct value: the background reads it before every order and
 * every API call, and checking organization templates is not free.
 */
import { hasPolicy, readManagedRaw } from './managed';
import { NO_POLICY, type PolicyState } from './model';

let last: { text: string; state: PolicyState } | undefined;

/** Pure but for the memo: the state for a raw value (the parser is loaded only when one is set). */
export async function policyFrom(raw: Record<string, unknown>): Promise<PolicyState> {
  if (!hasPolicy(raw)) return NO_POLICY;
  const text = JSON.stringify(raw);
  if (last?.text === text) return last.state;
  const { parsePolicy } = await import('./parse');
  const state = parsePolicy(raw);
  last = { text, state };
  return state;
}

export async function readPolicy(): Promise<PolicyState> {
  return policyFrom(await readManagedRaw());
}
