// Seed account data: users, key profiles, containers (divisions) and custom fields, in the shapes of
// DigiCert's public documentation and of answers recorded by public clients (docs/certcentral-api.md).
// Organizations are in seed/orgs.ts. Optional fields are null where DigiCert sends null.

import type { SandboxKeyName } from '../state';
import { SEED_IDS } from './ids';

const U = SEED_IDS.users;
export interface SeedUser {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  job_title: string | null;
  telephone: string | null;
}

// Tess has no telephone and Victor neither a job title nor a telephone: DigiCert answers null for them.
export const USERS: SeedUser[] = [
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
    telephone: null,
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
    job_title: null,
    telephone: null,
  },
];

/** Key → user and role restriction (docs/certcentral-api.md: 100 Orders, 102 View Only, none = all). */
export const KEY_PROFILES: Record<SandboxKeyName, { userId: number; roles: { id: number; name: string }[] }> =
  {
    admin: { userId: U.admin, roles: [{ id: 5, name: 'Administrator' }] },
    orders: { userId: U.orders, roles: [{ id: 100, name: 'Orders' }] },
    viewOnly: { userId: U.viewer, roles: [{ id: 102, name: 'View Only' }] },
  };

const C = SEED_IDS.containers;
// The top container's parent_id is null (DigiCert's documented examples show 0 as well: a client must
// take either as "no parent").
export const CONTAINERS: {
  id: number;
  public_id: string;
  name: string;
  parent_id: number | null;
  template_id: number;
  has_logo: boolean;
  is_active: boolean;
}[] = [
  {
    id: C.parent,
    public_id: 'sbxparent0000001',
    name: 'Sandbox Corp',
    parent_id: null,
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
