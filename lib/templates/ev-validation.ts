/**
 * What an organization's validations mean for an order (the editor and the review before ordering).
 * An EV product for an organization without an active EV validation is not refused here: DigiCert
 * would start a new EV validation (days of work and calls) or refuse the order, so the person is told
 * before paying for it. Validations are read as CertCentral states them (`type`, `status`,
 * `validated_until`; DigiCert "Validation details", GET /organization/{id}/validation).
 */
import type { OrganizationValidationView, OrganizationView } from '../messaging';

export type ValidationNoticeLevel = 'warning' | 'info';
export interface ValidationNotice {
  level: ValidationNoticeLevel;
  message: string;
}

const day = (iso: string | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;

/** "active until 2027-01-31", "pending since 2026-10-02", "expired on 2026-09-30". */
export function describeValidation(v: OrganizationValidationView, now: Date): string {
  const until = day(v.validatedUntil);
  const since = day(v.dateCreated);
  if (v.status === 'active' && until && until < now.toISOString().slice(0, 10)) return `expired on ${until}`;
  if (v.status === 'active') return until ? `active until ${until}` : 'active';
  if (v.status === 'expired') return until ? `expired on ${until}` : 'expired';
  if (v.status === 'pending') return since ? `pending since ${since}` : 'pending';
  return v.status;
}

function evValidation(org: OrganizationView): OrganizationValidationView | undefined {
  const evs = (org.validations ?? []).filter((v) => v.type === 'ev');
  return evs.find((v) => v.status === 'active') ?? evs[0];
}

/** Says what stands between this organization and an EV certificate, or nothing when it is ready. */
export function evValidationNotice(
  org: OrganizationView | undefined,
  needsEv: boolean,
  now: Date,
): ValidationNotice | undefined {
  if (!needsEv || !org) return undefined;
  const name = `“${org.name}” (#${org.id})`;
  if (!org.active) {
    return {
      level: 'warning',
      message: `${name} is deactivated in CertCentral: it cannot be used for new orders.`,
    };
  }
  if (org.validations === undefined) {
    return {
      level: 'info',
      message: `CertCentral did not say whether ${name} is validated for EV. Check it in CertCentral before ordering an EV certificate.`,
    };
  }
  const ev = evValidation(org);
  const cost =
    'DigiCert would have to validate it for EV first (this takes days and needs the EV approver) or refuse the order.';
  if (!ev) return { level: 'warning', message: `${name} has no EV validation. ${cost}` };
  const state = describeValidation(ev, now);
  if (state.startsWith('active')) return undefined;
  const said = state.startsWith('expired')
    ? state.replace('expired', 'has expired')
    : state.startsWith('pending')
      ? `is still ${state}`
      : `is “${state}”`;
  return { level: 'warning', message: `${name}'s EV validation ${said}. ${cost}` };
}

/** Every validation of the organization in words, for the editor ("OV active until …; EV pending"). */
export function validationSummary(org: OrganizationView, now: Date): string | undefined {
  if (!org.validations) return undefined;
  if (org.validations.length === 0) return 'No validations in CertCentral.';
  return org.validations.map((v) => `${v.type.toUpperCase()} ${describeValidation(v, now)}`).join('; ');
}
