/**
 * Where the policy holds for money: every order the outbox is given (the popup's, a bulk renewal's)
 * is checked against the policy before the outbox stores or sends it. Wraps the submission engine
 * rather than changing it: the engine's own validation and state machine stay as they are.
 */
import type { SubmissionEngine } from '../outbox';
import type { SubmitInput, SubmitResult } from '../outbox/types';
import type { PolicyState } from './model';
import { orderPolicyProblems } from './order-rules';

export interface GuardDeps {
  readPolicy: () => Promise<PolicyState>;
  now: () => Date;
}

/** The refusal for an order that breaks the policy; undefined when it may go to the outbox. */
export async function policyRefusal(input: SubmitInput, deps: GuardDeps): Promise<SubmitResult | undefined> {
  const state = await deps.readPolicy();
  // A broken policy is ignored as a whole (parse.ts): the settings page says so.
  if (state.state !== 'applied') return undefined;
  const problems = orderPolicyProblems(state.policy, input, deps.now());
  return problems.length > 0 ? { ok: false, problems, warnings: [] } : undefined;
}

export function withPolicy(engine: SubmissionEngine, deps: GuardDeps): SubmissionEngine {
  return {
    ...engine,
    async submit(input: SubmitInput): Promise<SubmitResult> {
      return (await policyRefusal(input, deps)) ?? engine.submit(input);
    },
  };
}
