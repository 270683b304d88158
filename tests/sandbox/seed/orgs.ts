// Seed organizations and their validations. Validation dates are days relative to the sandbox's now(),
// so "active until next year" and "expired last month" stay true whatever day the tests run. Shapes:
// DigiCert's "List organizations", "Organization info" and "Validation details" pages and the
// organization answers recorded by public clients (docs/certcentral-api.md).

import { addDays, isoDate } from '../state';
import { SEED_IDS } from './ids';

const U = SEED_IDS.users;
const O = SEED_IDS.organizations;

/** Statuses seen in validation answers: active, pending, expired. */
export type ValidationStatus = 'active' | 'pending' | 'expired';

export interface SeedValidation {
  type: 'ov' | 'ev';
  status: ValidationStatus;
  /** Days from now(); absent on a pending validation (DigiCert's example sends no dates for it). */
  createdDays?: number;
  untilDays?: number;
  /** User ids of the validation's verified_users (EV only). */
  verifiedUsers?: number[];
}

export interface SeedOrganization {
  id: number;
  status: string;
  name: string;
  /** null on 60002, absent on 60003 and 60005: DigiCert sends both. */
  assumed_name?: string | null;
  display_name: string;
  is_active: boolean;
  validations: SeedValidation[];
  ev_approvers: { id: number; first_name: string; last_name: string }[];
}

const PERSON: Record<number, { first_name: string; last_name: string }> = {
  [U.evApprover]: { first_name: 'Evan', last_name: 'Approver' },
  [U.tech]: { first_name: 'Tess', last_name: 'Tech' },
};
const person = (id: number) => ({ id, ...(PERSON[id] ?? { first_name: '', last_name: '' }) });

const ov = (untilDays: number): SeedValidation => ({
  type: 'ov',
  status: 'active',
  createdDays: untilDays - 397,
  untilDays,
});

export const ORGANIZATIONS: SeedOrganization[] = [
  {
    id: O.ev,
    status: 'approved',
    name: 'Sandbox EV Corporation',
    assumed_name: 'Sandbox EV',
    display_name: 'Sandbox EV Corporation (Sandbox EV)',
    is_active: true,
    validations: [
      ov(300),
      { type: 'ev', status: 'active', createdDays: -97, untilDays: 300, verifiedUsers: [U.evApprover] },
    ],
    ev_approvers: [person(U.evApprover)],
  },
  {
    id: O.ov,
    status: 'approved',
    name: 'Sandbox OV Widgets Ltd',
    assumed_name: null,
    display_name: 'Sandbox OV Widgets Ltd',
    is_active: true,
    validations: [ov(200)],
    ev_approvers: [],
  },
  {
    id: O.inactive,
    status: 'approved',
    name: 'Old Name Holdings',
    display_name: 'Old Name Holdings',
    is_active: false,
    validations: [ov(100)],
    ev_approvers: [],
  },
  {
    // EV lapsed 20 days ago; the approver is still listed, so only the validation status tells.
    id: O.evExpired,
    status: 'active',
    name: 'Sandbox Lapsed EV Inc.',
    assumed_name: 'Lapsed EV',
    display_name: 'Sandbox Lapsed EV Inc. (Lapsed EV)',
    is_active: true,
    validations: [
      ov(250),
      { type: 'ev', status: 'expired', createdDays: -417, untilDays: -20, verifiedUsers: [U.evApprover] },
    ],
    ev_approvers: [person(U.evApprover)],
  },
  {
    // EV submitted, not yet validated: a pending validation carries no dates in DigiCert's example.
    id: O.evPending,
    status: 'active',
    name: 'Sandbox Pending EV GmbH',
    display_name: 'Sandbox Pending EV GmbH',
    is_active: true,
    validations: [ov(330), { type: 'ev', status: 'pending', verifiedUsers: [U.tech] }],
    ev_approvers: [],
  },
];

const ADDRESS = {
  address: '2801 N Thanksgiving Way',
  zip: '84043',
  city: 'Lehi',
  state: 'Utah',
  country: 'US',
  telephone: '801-555-0100',
};
const CONTACT = {
  id: U.admin,
  first_name: 'Ada',
  last_name: 'Admin',
  email: 'ada.admin@example.com',
  telephone: '8015550101',
};
const CONTAINER = { id: SEED_IDS.containers.parent, name: 'Sandbox Corp', is_active: true };

/** An organization without validations and ev_approvers: what GET /organization lists by default. */
export function organizationBase(org: SeedOrganization) {
  return {
    id: org.id,
    status: org.status,
    name: org.name,
    ...(org.assumed_name !== undefined ? { assumed_name: org.assumed_name } : {}),
    display_name: org.display_name,
    is_active: org.is_active,
    ...ADDRESS,
    container: CONTAINER,
    organization_contact: CONTACT,
  };
}

const NAMES = {
  ov: { name: 'OV', description: 'Normal Organization Validation' },
  ev: { name: 'EV', description: 'Extended Organization Validation (EV)' },
};

/** `YYYY-MM-DDT07:00:00+00:00`, the timestamp style of DigiCert's validation examples. */
const stamp = (now: Date, days: number) => `${isoDate(addDays(now, days))}T07:00:00+00:00`;

/** The `validations` array as the API sends it (list with include_validation, /validation). */
export function validationsView(org: SeedOrganization, now: Date) {
  return org.validations.map((v) => ({
    type: v.type,
    ...NAMES[v.type],
    ...(v.createdDays !== undefined ? { date_created: stamp(now, v.createdDays) } : {}),
    ...(v.untilDays !== undefined ? { validated_until: stamp(now, v.untilDays) } : {}),
    status: v.status,
    ...(v.verifiedUsers ? { verified_users: v.verifiedUsers.map(person) } : {}),
  }));
}

/** An EV order needs an EV validation that is active and not past its validated_until. */
export function evValidationProblem(org: SeedOrganization): string | undefined {
  const ev = org.validations.find((v) => v.type === 'ev');
  if (!ev) return `Organization ${org.id} is not validated for EV certificates.`;
  if (ev.status === 'active' && (ev.untilDays ?? 0) > 0) return undefined;
  if (ev.status === 'pending') return `Organization ${org.id}'s EV validation is still pending.`;
  return `Organization ${org.id}'s EV validation has expired.`;
}
