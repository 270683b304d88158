/**
 * The templates a person may use under a policy: their own (unless the policy allows none, when they
 * are hidden, never deleted: they come back when the policy allows them again), then the
 * organization's, which are read-only and never stored (derived from the policy at each read).
 */
import type { Template } from '../templates/model';
import { appliedPolicy, type PolicyState } from './model';

export interface UsableTemplates {
  templates: Template[];
  /** Ids among `templates` that are the organization's. */
  organizationIds: string[];
  /** Personal templates the policy hides, how many. */
  hiddenPersonal: number;
  /** Whether personal templates may be made, imported, edited. */
  personalAllowed: boolean;
}

export function usableTemplates(personal: readonly Template[], state: PolicyState): UsableTemplates {
  const policy = appliedPolicy(state);
  if (!policy)
    return { templates: [...personal], organizationIds: [], hiddenPersonal: 0, personalAllowed: true };
  const own = policy.personalTemplates ? [...personal] : [];
  return {
    templates: [...own, ...policy.templates],
    organizationIds: policy.templates.map((t) => t.id),
    hiddenPersonal: personal.length - own.length,
    personalAllowed: policy.personalTemplates,
  };
}

/** Whether the policy allows personal templates to be made, imported or changed. */
export function personalTemplatesAllowed(state: PolicyState): boolean {
  return appliedPolicy(state)?.personalTemplates ?? true;
}
