import { describe, expect, it } from 'vitest';
import { makeTemplate } from '../templates/testing';
import { parsePolicy } from './parse';
import { personalTemplatesAllowed, usableTemplates } from './templates';
import { orgTemplateText } from './testing';

const own = [makeTemplate({ name: 'Mine' })];

describe('usableTemplates', () => {
  it('is the person’s own list when no policy applies', () => {
    expect(usableTemplates(own, parsePolicy({}))).toEqual({
      templates: own,
      organizationIds: [],
      hiddenPersonal: 0,
      personalAllowed: true,
    });
    // A broken policy is ignored whole: nothing hidden, nothing added.
    expect(usableTemplates(own, parsePolicy({ allowPersonalTemplates: 'no' })).templates).toEqual(own);
  });

  it('adds the organization’s templates after the person’s own', () => {
    const read = usableTemplates(own, parsePolicy({ organizationTemplates: [orgTemplateText('Org')] }));
    expect(read.templates.map((t) => t.name)).toEqual(['Mine', 'Org']);
    expect(read.organizationIds).toEqual([read.templates[1]?.id]);
  });

  it('hides (never drops) the person’s own while the policy allows none', () => {
    const state = parsePolicy({
      organizationTemplates: [orgTemplateText('Org')],
      allowPersonalTemplates: false,
    });
    const read = usableTemplates(own, state);
    expect(read.templates.map((t) => t.name)).toEqual(['Org']);
    expect(read.hiddenPersonal).toBe(1);
    expect(personalTemplatesAllowed(state)).toBe(false);
    expect(own).toHaveLength(1);
  });
});
