import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { ORDER_BODY_DEPTH } from './bounds';
import { DEPRECATED_FIELDS, fieldInfo, ORDER_FIELDS } from './fields';
import { OrderRequestSchema } from './request';
import { defOf, type Schema, unwrap } from './schema-walk';

/** Every path the schema knows, with whether the schema requires it (relative to its parent). */
function schemaFields(schema: Schema, prefix = ''): { path: string; required: boolean }[] {
  const out: { path: string; required: boolean }[] = [];
  for (const [key, child] of Object.entries(defOf(schema).shape ?? {})) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    out.push({ path, required: defOf(child).type !== 'optional' });
    const inner = unwrap(child);
    const def = defOf(inner);
    if (def.type === 'object') out.push(...schemaFields(inner, path));
    if (def.type === 'array' && def.element && defOf(def.element).type === 'object')
      out.push(...schemaFields(def.element, `${path}[]`));
  }
  return out;
}

describe('field catalogue', () => {
  const fromSchema = schemaFields(OrderRequestSchema);

  it('lists exactly the fields of the schema', () => {
    expect(ORDER_FIELDS.map((f) => f.path).sort()).toEqual(fromSchema.map((f) => f.path).sort());
  });

  it('marks as required exactly what the schema requires', () => {
    for (const { path, required } of fromSchema)
      expect([path, fieldInfo(path)?.presence === 'required']).toEqual([path, required]);
  });

  it('covers every field named in the brief', () => {
    for (const path of [
      'certificate.cert_validity.custom_expiration_date',
      'certificate.server_platform.id',
      'order_validity.days',
      'credit_card.cvv',
      'billing_address.zip',
      'organization.contacts[].email',
      'custom_fields[].metadata_id',
      'certificate_dcv_scope',
      'csa_agreed_to',
    ])
      expect(fieldInfo(path), path).toBeDefined();
    expect(ORDER_FIELDS.length).toBeGreaterThan(90);
  });

  it('finds nothing for names of Object.prototype members', () => {
    for (const path of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])
      expect(fieldInfo(path), path).toBeUndefined();
  });

  it('is as deep as the refusal of deep bodies says (ORDER_BODY_DEPTH)', () => {
    const levels = (path: string) => path.split('.').length + (path.match(/\[\]/g)?.length ?? 0);
    expect(Math.max(...ORDER_FIELDS.map((f) => levels(f.path)))).toBe(ORDER_BODY_DEPTH);
  });

  it('has a one-line description for every field', () => {
    for (const f of ORDER_FIELDS) expect(t(f.description), f.path).toMatch(/^[^\n]{3,160}$/);
  });

  it('marks the deprecated fields with their replacement', () => {
    expect(DEPRECATED_FIELDS.map((d) => [d.path, d.replacement])).toEqual([
      ['certificate.organization_units', null],
      ['validity_years', 'order_validity.years'],
      ['custom_expiration_date', 'order_validity.custom_expiration_date'],
    ]);
  });

  it('marks the fields seen only in client payloads', () => {
    expect(ORDER_FIELDS.filter((f) => f.undocumented).map((f) => f.path)).toEqual([
      'disable_issuance_email',
      'user_id_assignments',
      'csa_agreed_to',
    ]);
  });
});
