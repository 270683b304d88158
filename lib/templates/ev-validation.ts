/**
 * What an organization's validations mean for an order (the editor and the review before ordering).
 * An EV product for an organization without an active EV validation is not refused here: DigiCert
 * would start a new EV validation (days of work and calls) or refuse the order, so the person is told
 * before paying for it. Validations are read as CertCentral states them (`type`, `status`,
 * `validated_until`; DigiCert "Validation details", GET /organization/{id}/validation).
 */
import { type MessageKey, t } from '../i18n';
import { formatDay } from '../i18n/format';
import type { OrganizationValidationView, OrganizationView } from '../messaging';

export type ValidationNoticeLevel = 'warning' | 'info';
export interface ValidationNotice {
  level: ValidationNoticeLevel;
  message: string;
}

const day = (iso: string | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;

/** Where a validation stands, and the day that goes with it (an end, or when it was asked for). */
type Standing =
  | { state: 'active' | 'expired' | 'pending'; day?: string }
  | { state: 'other'; status: string };

function standing(v: OrganizationValidationView, now: Date): Standing {
  const until = day(v.validatedUntil);
  const since = day(v.dateCreated);
  const on = (state: 'active' | 'expired' | 'pending', d: string | undefined): Standing =>
    d ? { state, day: d } : { state };
  if (v.status === 'active' && until && until < now.toISOString().slice(0, 10)) return on('expired', until);
  if (v.status === 'active') return on('active', until);
  if (v.status === 'expired') return on('expired', until);
  if (v.status === 'pending') return on('pending', since);
  return { state: 'other', status: v.status };
}

const STANDING_WORDS = {
  active: ['editor_validation_active', 'editor_validation_active_until'],
  expired: ['editor_validation_expired', 'editor_validation_expired_on'],
  pending: ['editor_validation_pending', 'editor_validation_pending_since'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/** "active until Jan 31, 2027", "pending since Oct 2, 2026", "expired on Sep 30, 2026". */
export function describeValidation(v: OrganizationValidationView, now: Date): string {
  const s = standing(v, now);
  if (s.state === 'other') return s.status;
  const [plain, dated] = STANDING_WORDS[s.state];
  return s.day ? t(dated, formatDay(s.day)) : t(plain);
}

/** The EV warning for each standing that needs one, without and with its day. */
const EV_WORDS = {
  expired: ['editor_ev_expired', 'editor_ev_expired_on'],
  pending: ['editor_ev_pending', 'editor_ev_pending_since'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

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
  const name = [org.name, String(org.id)];
  if (!org.active) return { level: 'warning', message: t('editor_ev_deactivated', name) };
  if (org.validations === undefined) return { level: 'info', message: t('editor_ev_unknown', name) };
  const ev = evValidation(org);
  if (!ev) return { level: 'warning', message: t('editor_ev_none', name) };
  const s = standing(ev, now);
  if (s.state === 'active') return undefined;
  if (s.state === 'other') return { level: 'warning', message: t('editor_ev_status', [...name, s.status]) };
  const [plain, dated] = EV_WORDS[s.state];
  return {
    level: 'warning',
    message: s.day ? t(dated, [...name, formatDay(s.day)]) : t(plain, name),
  };
}

/** Every validation of the organization in words, for the editor ("OV active until …; EV pending"). */
export function validationSummary(org: OrganizationView, now: Date): string | undefined {
  if (!org.validations) return undefined;
  if (org.validations.length === 0) return t('editor_validation_none');
  return org.validations
    .map((v) => t('editor_validation_item', [v.type.toUpperCase(), describeValidation(v, now)]))
    .join('; ');
}
