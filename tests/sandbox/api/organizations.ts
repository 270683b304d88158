// Organization routes. DigiCert's "List organizations" page documents the query parameter
// `include_validation` (bool, "Specify if validation details for the organization should be returned.
// Default: false") together with filters[status] (active | inactive) and filters[search] (an id, exact,
// or part of the name). So the list carries neither `validations` nor `ev_approvers` unless
// `include_validation=true`. "Organization info" (GET /organization/{id}) answers with `ev_approvers`,
// as the recorded answer does, and no `validations`: the recorded answer has none and the sandbox could
// not confirm that the page lists them. "Validation details" (GET /organization/{id}/validation)
// answers `{"validations":[...]}`. Sources: docs/certcentral-api.md.

import { apiError, json, listReply, type Reply } from '../http-util';
import { ORGANIZATIONS, organizationBase, type SeedOrganization, validationsView } from '../seed/orgs';
import type { ApiContext } from './index';

function listed(org: SeedOrganization, withValidation: boolean, now: Date) {
  const base = organizationBase(org);
  return withValidation
    ? { ...base, validations: validationsView(org, now), ev_approvers: org.ev_approvers }
    : base;
}

function listOrganizations(ctx: ApiContext): Reply {
  const q = ctx.query;
  // Only the literal `true` switches it on (the documented type is bool); `1` or `yes` do not.
  const withValidation = q.get('include_validation') === 'true';
  let orgs = ORGANIZATIONS;
  const status = q.get('filters[status]');
  if (status !== null) {
    if (status !== 'active' && status !== 'inactive')
      return apiError(400, 'invalid_value:filters[status]', 'filters[status] must be active or inactive.');
    orgs = orgs.filter((o) => o.is_active === (status === 'active'));
  }
  const search = q.get('filters[search]')?.trim();
  if (search) {
    orgs = orgs.filter((o) =>
      /^\d+$/.test(search) ? o.id === Number(search) : o.name.toLowerCase().includes(search.toLowerCase()),
    );
  }
  const items = orgs.map((o) => listed(o, withValidation, ctx.now));
  return listReply('organizations', items, { total: items.length, limit: 1000, offset: 0 });
}

export function organizationRoutes(ctx: ApiContext): Reply | undefined {
  if (ctx.path === '/organization') return listOrganizations(ctx);
  const m = /^\/organization\/(\d+)(\/validation)?$/.exec(ctx.path);
  if (!m) return undefined;
  const org = ORGANIZATIONS.find((o) => o.id === Number(m[1]));
  if (!org) return apiError(404, 'not_found|organization', 'Organization not found.');
  if (m[2]) return json(200, { validations: validationsView(org, ctx.now) });
  return json(200, { ...organizationBase(org), ev_approvers: org.ev_approvers });
}
