import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepPolicySeen } from '../policy/seen';
import { orgTemplateText } from '../policy/testing';
import { resetStorageForTests } from '../storage/testing';
import { planTemplateImport, saveNewTemplate, saveOrganizationCopy, saveTemplateEdit } from './saved';
import { readTemplates, templateStore } from './storage';
import { readTemplateSummaries } from './summaries';
import { evDraft, NOW } from './testing';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetStorageForTests();
});

describe('templates under the organization’s policy', () => {
  it('lists the organization’s templates, marked, and never stores them', async () => {
    await saveNewTemplate(evDraft('Mine'), NOW);
    await fakeBrowser.storage.managed.set({ organizationTemplates: [orgTemplateText('Org')] });
    const read = await readTemplates();
    expect(read.templates.map((t) => t.name)).toEqual(['Mine', 'Org']);
    const summaries = await readTemplateSummaries();
    expect(summaries.map((s) => [s.name, s.organization ?? false])).toEqual([
      ['Mine', false],
      ['Org', true],
    ]);
    expect((await templateStore().read()).templates.map((t) => t.name)).toEqual(['Mine']);
  });

  it('copies an organization template into the person’s own', async () => {
    await fakeBrowser.storage.managed.set({ organizationTemplates: [orgTemplateText('Org')] });
    const org = (await readTemplates()).templates[0];
    if (!org) throw new Error('no organization template');
    const copy = await saveOrganizationCopy(org, NOW);
    expect(copy.ok && copy.template.name).toBe('Copy of Org');
    expect((await templateStore().read()).templates.map((t) => t.name)).toEqual(['Copy of Org']);
  });

  it('refuses to make, change or import personal templates when the policy allows none, and hides them', async () => {
    const saved = await saveNewTemplate(evDraft('Mine'), NOW);
    if (!saved.ok) throw new Error('not saved');
    await fakeBrowser.storage.managed.set({ allowPersonalTemplates: false });
    const refused = await saveNewTemplate(evDraft('Another'), NOW);
    expect(refused).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'managed_by_policy' })],
    });
    expect((await saveTemplateEdit(saved.template.id, { name: 'Renamed' }, NOW)).ok).toBe(false);
    expect((await planTemplateImport('{}')).ok).toBe(false);
    const read = await readTemplates();
    expect(read.templates).toEqual([]);
    expect(read.hiddenPersonal).toBe(1);
    // Hidden, not deleted: back as soon as the policy allows them.
    await fakeBrowser.storage.managed.clear();
    expect((await readTemplates()).templates.map((t) => t.name)).toEqual(['Mine']);
  });

  it('right after a browser start, lists them under the policy last seen without waiting for the browser', async () => {
    await saveNewTemplate(evDraft('Mine'), NOW);
    await keepPolicySeen({ organizationTemplates: [orgTemplateText('Org')], allowPersonalTemplates: false });
    // The browser's policy service not ready: it answers only when the test says so.
    let answer: (raw: Record<string, unknown>) => void = () => undefined;
    const held = new Promise((resolve) => {
      answer = resolve;
    });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(held as never);
    try {
      const summaries = await readTemplateSummaries();
      expect(summaries.map((s) => [s.name, s.organization ?? false])).toEqual([['Org', true]]);
      // What decides waits for the browser: a new personal template is neither saved nor refused yet.
      const saving = saveNewTemplate(evDraft('Another'), NOW);
      const waited = new Promise((resolve) => setTimeout(resolve, 300, 'waiting'));
      expect(await Promise.race([saving.then(() => 'settled'), waited])).toBe('waiting');
      // The browser has no policy after all: the template is saved under its answer.
      answer({});
      expect((await saving).ok).toBe(true);
    } finally {
      get.mockRestore();
    }
  });
});
