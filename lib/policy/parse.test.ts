import { describe, expect, it } from 'vitest';
import { evDraft } from '../templates/testing';
import { organizationTemplateId } from './org-templates';
import { parsePolicy } from './parse';
import { fullPolicy, orgTemplateText } from './testing';

const problemsOf = (raw: unknown) => {
  const state = parsePolicy(raw);
  if (state.state !== 'broken') throw new Error(`expected a broken policy, got ${state.state}`);
  return state.problems;
};

describe('parsePolicy', () => {
  it('reads nothing set as no policy', () => {
    expect(parsePolicy({})).toEqual({ state: 'none' });
    expect(parsePolicy(undefined)).toEqual({ state: 'none' });
  });

  it('reads every rule of a whole policy', () => {
    const state = parsePolicy(fullPolicy());
    expect(state.state).toBe('applied');
    if (state.state !== 'applied') return;
    const { policy } = state;
    expect(policy.region).toBe('eu');
    expect(policy.allowedProducts).toEqual(['ssl_ev_securesite_pro', 'ssl_basic']);
    expect(policy.maxValidityYears).toBe(1);
    expect(policy.requiredCustomFields).toEqual([{ id: 12, label: 'Cost center' }]);
    expect(policy.personalTemplates).toBe(false);
    expect(policy.templates.map((t) => [t.name, t.product, t.id])).toEqual([
      ['Org EV', 'ssl_ev_securesite_pro', organizationTemplateId('Org EV')],
    ]);
  });

  it('allows personal templates and any product unless the policy says otherwise', () => {
    const state = parsePolicy({ region: 'us' });
    expect(state).toEqual({
      state: 'applied',
      policy: { region: 'us', templates: [], requiredCustomFields: [], personalTemplates: true },
    });
  });

  it('takes a template given as an object (Firefox passes objects through) like one given as text', () => {
    const state = parsePolicy({ organizationTemplates: [evDraft('As object')] });
    expect(state.state === 'applied' && state.policy.templates[0]?.name).toBe('As object');
  });

  it('gives an organization template the same id at every read, whatever id the policy copied', () => {
    const a = organizationTemplateId('Web servers');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(organizationTemplateId(' web SERVERS ')).toBe(a);
    expect(organizationTemplateId('Mail servers')).not.toBe(a);
    const withId = JSON.stringify({ ...evDraft('Web servers'), id: '00000000-0000-4000-8000-000000000001' });
    const state = parsePolicy({ organizationTemplates: [withId] });
    expect(state.state === 'applied' && state.policy.templates[0]?.id).toBe(a);
  });

  it('says where each problem is and ignores the whole policy', () => {
    const problems = problemsOf({
      region: 'asia',
      maxValidityYears: 5,
      allowedProducts: ['ssl_basic', 'ssl_plus'],
      requiredCustomFields: [{ id: 12 }, { id: 12 }, { label: 'no id' }],
      allowPersonalTemplates: 'no',
      maxValidityYear: 1,
      organizationTemplates: [
        orgTemplateText('Fine', { product: 'ssl_basic' }),
        '{ not json',
        JSON.stringify({ ...evDraft('No product'), product: undefined }),
        orgTemplateText('fine', { product: 'ssl_basic' }),
      ],
    });
    const said = problems.map((p) => `${p.where}: ${p.message}`);
    expect(said).toContainEqual(expect.stringMatching(/^maxValidityYear: is not a setting/));
    expect(said).toContainEqual(expect.stringMatching(/^region: "asia" is not a region/));
    expect(said).toContainEqual(
      expect.stringMatching(/^maxValidityYears: "5" is not a number of years from 1 to 3/),
    );
    expect(said).toContainEqual(expect.stringMatching(/^allowedProducts: does not know ssl_plus/));
    expect(said).toContainEqual(
      expect.stringMatching(/^requiredCustomFields, entry 2: custom field 12 is listed twice/),
    );
    expect(said).toContainEqual(expect.stringMatching(/^requiredCustomFields, entry 3: must be an object/));
    expect(said).toContainEqual('allowPersonalTemplates: must be true or false.');
    expect(said).toContainEqual(expect.stringMatching(/^organization template 2: is not valid JSON/));
    expect(said).toContainEqual(expect.stringMatching(/^organization template 3 \(No product\): .*product/i));
    expect(said).toContainEqual(
      expect.stringMatching(
        /^organization template 4 \(fine\): another organization template has the same name/,
      ),
    );
    expect(said.some((s) => s.startsWith('organization template 1'))).toBe(false);
  });

  it('refuses an organization template for a product the same policy does not allow', () => {
    const problems = problemsOf({
      allowedProducts: ['ssl_basic'],
      organizationTemplates: [orgTemplateText('EV')],
    });
    expect(problems).toEqual([
      {
        where: 'organization template 1 (EV)',
        message: 'orders Secure Site Pro EV SSL, which allowedProducts does not allow.',
      },
    ]);
  });

  it('checks organization templates as an import does: a card number is refused', () => {
    const problems = problemsOf({
      organizationTemplates: [orgTemplateText('Card', { description: '4111 1111 1111 1111' })],
    });
    expect(problems[0]?.where).toBe('organization template 1 (Card)');
  });

  it('refuses an empty product list, which would allow nothing', () => {
    expect(problemsOf({ allowedProducts: [] })[0]?.where).toBe('allowedProducts');
  });
});
