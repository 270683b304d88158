/**
 * An organization's policy for the extension, as an administrator sets it through the browser's
 * managed storage (Chrome: `storage.managed`, declared by public/managed_schema.json; Firefox: the
 * `3rdparty` section of policies.json). What the policy says beats the person's own settings.
 * The policy is applied whole or not at all: one that does not parse is reported and ignored.
 */
import type { ProductNameId } from '../order/products';
import type { Region } from '../region';
import type { Template } from '../templates/model';

/** The policy's keys, as the administrator writes them (managed_schema.json names the same). */
export const POLICY_KEYS = [
  'region',
  'organizationTemplates',
  'allowedProducts',
  'maxValidityYears',
  'requiredCustomFields',
  'allowPersonalTemplates',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** A custom field every order must carry (CertCentral's `custom_fields[].metadata_id`). */
export interface RequiredCustomField {
  id: number;
  /** The administrator's name for it, for messages; the id is used when none is given. */
  label?: string;
}

export interface Policy {
  /** The region every call and order goes to; the person cannot change it. */
  region?: Region;
  /** Read-only templates, usable like any other; ids derived from their names (org-templates.ts). */
  templates: Template[];
  /** Only these products may be ordered; undefined: any. */
  allowedProducts?: ProductNameId[];
  /** The longest order validity, in years from the ordering day; undefined: no limit beyond CertCentral's. */
  maxValidityYears?: number;
  requiredCustomFields: RequiredCustomField[];
  /** False: personal templates cannot be made, imported or edited, and the saved ones are hidden. */
  personalTemplates: boolean;
}

/** One thing wrong with a policy: where (a key, an item of it) and what, in words. */
export interface PolicyProblem {
  where: string;
  message: string;
}

export type PolicyState =
  | { state: 'none' }
  | { state: 'applied'; policy: Policy }
  | { state: 'broken'; problems: PolicyProblem[] };

export const NO_POLICY: PolicyState = { state: 'none' };

/** The policy that applies, or undefined when none does (none set, or a broken one, ignored whole). */
export function appliedPolicy(state: PolicyState): Policy | undefined {
  return state.state === 'applied' ? state.policy : undefined;
}
