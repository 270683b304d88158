/** Policies for this folder's tests and the end-to-end test's fixtures (not used by the extension). */
import { evDraft } from '../../templates/testing';

/** One organization template as the export file lists it (no id, no dates: the policy needs none). */
export function orgTemplateText(name = 'Org EV', overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...evDraft(name), ...overrides });
}

/** A policy that sets every rule. */
export function fullPolicy(): Record<string, unknown> {
  return {
    region: 'eu',
    organizationTemplates: [orgTemplateText('Org EV')],
    allowedProducts: ['ssl_ev_securesite_pro', 'ssl_basic'],
    maxValidityYears: 1,
    requiredCustomFields: [{ id: 12, label: 'Cost center' }],
    allowPersonalTemplates: false,
  };
}
