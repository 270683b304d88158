// Seed account data: users, key profiles, containers (divisions), organizations and custom fields,
// in the shapes of recorded/*.json and certcentral-api.md.
import { SEED_IDS } from './seed-ids';
import type { SandboxKeyName } from './state';

const U = SEED_IDS.users;
export const USERS = [
  {
    id: U.admin,
    username: 'ada.admin',
    first_name: 'Ada',
    last_name: 'Admin',
    email: 'ada.admin@example.com',
    job_title: 'PKI Administrator',
    telephone: '+1 801 555 0101',
  },
  {
    id: U.evApprover,
    username: 'evan.approver',
    first_name: 'Evan',
    last_name: 'Approver',
    email: 'evan.approver@example.com',
    job_title: 'CFO',
    telephone: '+1 801 555 0102',
  },
  {
    id: U.tech,
    username: 'tess.tech',
    first_name: 'Tess',
    last_name: 'Tech',
    email: 'tess.tech@example.com',
    job_title: 'Web Engineer',
    telephone: '+1 801 555 0103',
  },
  {
    id: U.orders,
    username: 'olivia.orders',
    first_name: 'Olivia',
    last_name: 'Orders',
    email: 'olivia.orders@example.com',
    job_title: 'Operations',
    telephone: '+1 801 555 0104',
  },
  {
    id: U.viewer,
    username: 'victor.viewer',
    first_name: 'Victor',
    last_name: 'Viewer',
    email: 'victor.viewer@example.com',
    job_title: 'Auditor',
    telephone: '+1 801 555 0105',
  },
];

/** Key → user and role restriction (certcentral-api.md: 100 Orders, 102 View Only, none = all). */
export const KEY_PROFILES: Record<SandboxKeyName, { userId: number; roles: { id: number; name: string }[] }> =
  {
    admin: { userId: U.admin, roles: [{ id: 5, name: 'Administrator' }] },
    orders: { userId: U.orders, roles: [{ id: 100, name: 'Orders' }] },
    viewOnly: { userId: U.viewer, roles: [{ id: 102, name: 'View Only' }] },
  };

const C = SEED_IDS.containers;
export const CONTAINERS = [
  {
    id: C.parent,
    public_id: 'sbxparent0000001',
    name: 'Sandbox Corp',
    parent_id: 0,
    template_id: 5,
    has_logo: false,
    is_active: true,
  },
  {
    id: C.child,
    public_id: 'sbxchild00000002',
    name: 'Sandbox Corp Web Division',
    parent_id: C.parent,
    template_id: 5,
    has_logo: false,
    is_active: true,
  },
];

const O = SEED_IDS.organizations;
const address = {
  address: '2801 N Thanksgiving Way',
  zip: '84043',
  city: 'Lehi',
  state: 'Utah',
  country: 'US',
  telephone: '801-555-0100',
};
const orgContact = {
  id: U.admin,
  first_name: 'Ada',
  last_name: 'Admin',
  email: 'ada.admin@example.com',
  telephone: '8015550101',
};
const container = { id: C.parent, name: 'Sandbox Corp', is_active: true };
export const ORGANIZATIONS = [
  {
    id: O.ev,
    status: 'approved',
    name: 'Sandbox EV Corporation',
    assumed_name: 'Sandbox EV',
    display_name: 'Sandbox EV Corporation (Sandbox EV)',
    is_active: true,
    ...address,
    container,
    organization_contact: orgContact,
    validations: [
      { type: 'ov', name: 'OV', description: 'Normal Organization Validation', status: 'active' },
      { type: 'ev', name: 'EV', description: 'Extended Organization Validation (EV)', status: 'active' },
    ],
    ev_approvers: [{ id: U.evApprover, first_name: 'Evan', last_name: 'Approver' }],
  },
  {
    id: O.ov,
    status: 'approved',
    name: 'Sandbox OV Widgets Ltd',
    display_name: 'Sandbox OV Widgets Ltd',
    is_active: true,
    ...address,
    container,
    organization_contact: orgContact,
    validations: [
      { type: 'ov', name: 'OV', description: 'Normal Organization Validation', status: 'active' },
    ],
    ev_approvers: [],
  },
  {
    id: O.inactive,
    status: 'approved',
    name: 'Old Name Holdings',
    display_name: 'Old Name Holdings',
    is_active: false,
    ...address,
    container,
    organization_contact: orgContact,
    validations: [
      { type: 'ov', name: 'OV', description: 'Normal Organization Validation', status: 'active' },
    ],
    ev_approvers: [],
  },
];

const M = SEED_IDS.metadata;
export const METADATA = [
  {
    id: M.requiredText,
    label: 'Cost center',
    description: 'Internal cost center',
    is_required: true,
    is_active: true,
    data_type: 'text',
  },
  {
    id: M.optionalInt,
    label: 'Ticket number',
    description: 'Change ticket',
    is_required: false,
    is_active: true,
    data_type: 'int',
  },
  {
    id: M.inactive,
    label: 'Legacy project code',
    description: 'No longer used',
    is_required: true,
    is_active: false,
    data_type: 'text',
  },
];
