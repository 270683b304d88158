import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPrivate, writePrivate } from '../storage/private-store';
import { resetStorageForTests } from '../storage/testing';
import {
  filterSummaries,
  popupListFrom,
  readListInputs,
  readTemplateRowSummaries,
  readTemplateSummaries,
  summarize,
  summarizeRows,
} from './summaries';

const base = { product: 'ssl_ev_securesite_pro', fields: {}, createdAt: 'x', updatedAt: 'x' };

beforeEach(resetStorageForTests);

describe('template summaries', () => {
  it('lists recent first, then never-used ones by name, skipping what is not a template', () => {
    const list = summarize([
      { ...base, id: 'b', name: 'Beta' },
      { ...base, id: 'a', name: 'Alpha' },
      { ...base, id: 'r', name: 'Recent', lastUsedAt: '2026-11-28T10:00:00Z' },
      {
        ...base,
        id: 'o',
        name: 'Older',
        lastUsedAt: '2026-10-01T10:00:00Z',
        organizationName: 'Example Corp',
      },
      { id: 'x' },
      'junk',
      null,
    ]);
    expect(list.map((t) => t.name)).toEqual(['Recent', 'Older', 'Alpha', 'Beta']);
    expect(list[1]).toEqual({
      id: 'o',
      name: 'Older',
      product: 'ssl_ev_securesite_pro',
      organizationName: 'Example Corp',
      lastUsedAt: '2026-10-01T10:00:00Z',
    });
  });

  it('reads nothing as an empty list', async () => {
    expect(await readTemplateSummaries()).toEqual([]);
    await writePrivate('templates', { version: 1, templates: { not: 'a list' }, keptAside: [] });
    expect(await readTemplateSummaries()).toEqual([]);
    await writePrivate('templates', 'not a record');
    expect(await readTemplateSummaries()).toEqual([]);
  });

  it('reads the list from the private store, never from storage.local once it is there', async () => {
    await writePrivate('templates', {
      version: 1,
      templates: [{ ...base, id: 'a', name: 'Web EV' }],
      keptAside: [],
    });
    await fakeBrowser.storage.local.set({ templates: [{ ...base, id: 'b', name: 'Injected' }] });
    expect((await readTemplateSummaries()).map((t) => t.id)).toEqual(['a']);
  });

  it('tells the popup why it lists nothing when the store cannot be read or is a newer version’s', async () => {
    const refused = Promise.reject(new DOMException('The operation failed', 'UnknownError'));
    expect(await popupListFrom(refused)).toEqual({ unreadable: 'The operation failed' });
    await writePrivate('templates', { version: 2, templates: [{ ...base, id: 'a', name: 'Web EV' }] });
    expect(await popupListFrom(readListInputs())).toEqual({ newerVersion: 2 });
    await writePrivate('templates', { version: 1, templates: [{ ...base, id: 'a', name: 'Web EV' }] });
    expect(await popupListFrom(readListInputs())).toEqual([
      { id: 'a', name: 'Web EV', product: 'ssl_ev_securesite_pro' },
    ]);
  });

  it('with no record yet, has the full reader make one (a new install: empty)', async () => {
    expect(await readTemplateSummaries()).toEqual([]);
    expect(await readPrivate('templates')).toEqual({ version: 1, templates: [], keptAside: [] });
  });

  it.each([
    ['', ['Web EV', 'Mail OV']],
    ['web', ['Web EV']],
    ['pro ev', ['Web EV']],
    ['example corp', ['Mail OV']],
    ['mail ov', ['Mail OV']],
    ['nothing', []],
  ])('filters %j', (query, names) => {
    const list = summarize([
      { ...base, id: 'a', name: 'Web EV' },
      { ...base, id: 'b', name: 'Mail OV', product: 'ssl_securesite_pro', organizationName: 'Example Corp' },
    ]);
    const productNames = {
      ssl_ev_securesite_pro: 'Secure Site Pro EV SSL',
      ssl_securesite_pro: 'Secure Site Pro SSL',
    };
    expect(
      filterSummaries(list, query, productNames)
        .map((t) => t.name)
        .sort(),
    ).toEqual([...names].sort());
  });
});

describe('template rows for the settings page', () => {
  it('keeps the description and the fields, skipping a template whose fields are not readable', () => {
    const rows = summarizeRows([
      {
        ...base,
        id: 'a',
        name: 'Alpha',
        description: 'For the shop',
        fields: { 'organization.id': { source: 'fixed', value: 7 } },
      },
      { ...base, id: 'b', name: 'Beta', fields: { 'organization.id': 'not a field' } },
      { ...base, id: 'c', name: 'Gamma', fields: null },
    ]);
    expect(rows).toEqual([
      {
        id: 'a',
        name: 'Alpha',
        product: 'ssl_ev_securesite_pro',
        description: 'For the shop',
        fields: { 'organization.id': { source: 'fixed', value: 7 } },
      },
    ]);
  });

  it('reads null while the record is not in the private store, and the rows once it is', async () => {
    expect(await readTemplateRowSummaries()).toBeNull();
    await writePrivate('templates', {
      version: 1,
      templates: [{ ...base, id: 'a', name: 'Alpha' }],
      keptAside: [],
    });
    expect((await readTemplateRowSummaries())?.map((row) => row.name)).toEqual(['Alpha']);
  });
});
