// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as draw } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivate } from '@/lib/storage/private-store';
import { resetStorageForTests } from '@/lib/storage/testing';
import { TEMPLATE_VERSION } from '@/lib/templates';
import { readTemplateRowSummaries, TEMPLATES_RECORD } from '@/lib/templates/summaries';
import { makeTemplate } from '@/lib/templates/testing';
import { TemplatesSection } from './TemplatesSection';

beforeEach(resetStorageForTests);
afterEach(cleanup);

const NOW = new Date('2026-12-03T10:00:00.000Z');
const shop = makeTemplate({ name: 'EV shop' }, '00000000-0000-4000-8000-000000000001');
const blog = makeTemplate(
  { name: 'EV blog', lastUsedAt: '2026-12-01T10:00:00.000Z' },
  '00000000-0000-4000-8000-000000000002',
);

async function storeTemplates() {
  await writePrivate(TEMPLATES_RECORD, { version: TEMPLATE_VERSION, templates: [shop, blog], keptAside: [] });
  const firstRows = await readTemplateRowSummaries();
  if (!firstRows) throw new Error('The light read should list the stored templates.');
  return firstRows;
}

const names = (container: Element) => [...container.querySelectorAll('.templates .template-name')];
const rowButtons = (container: Element) => [...container.querySelectorAll('.templates button')];

describe('TemplatesSection', () => {
  it('shows the light rows disabled, then the same rows with their actions once the full list loads', async () => {
    const firstRows = await storeTemplates();
    const { container, rerender } = render(<TemplatesSection now={NOW} firstRows={firstRows} full={false} />);
    const light = names(container);
    expect(light.map((n) => n.textContent)).toEqual(['EV blog', 'EV shop']);
    expect(container.querySelector('#templates')?.getAttribute('aria-busy')).toBe('true');
    expect(rowButtons(container).every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Search templates' })).toHaveProperty('disabled', true);

    rerender(<TemplatesSection now={NOW} firstRows={firstRows} full />);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Delete EV shop' })).toHaveProperty('disabled', false),
    );
    // Not drawn again: the names on screen are the elements the light read put there.
    const full = names(container);
    expect(full).toHaveLength(2);
    expect(full.every((name, i) => name === light[i])).toBe(true);
    expect(container.querySelector('#templates')?.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Search templates' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'New template' })).toHaveProperty('disabled', false);
  });

  it('deletes and restores a template once the full list has loaded', async () => {
    const firstRows = await storeTemplates();
    render(<TemplatesSection now={NOW} firstRows={firstRows} full />);
    const remove = await screen.findByRole('button', { name: 'Delete EV shop' });
    await waitFor(() => expect(remove).toHaveProperty('disabled', false));
    fireEvent.click(remove);
    await screen.findByText(/Deleted “EV shop”/);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete EV shop' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('“EV shop” is back.');
    await screen.findByRole('button', { name: 'Delete EV shop' });
  });

  it('draws the light rows that can be in the window first, and all of them with the full list', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      makeTemplate(
        { name: `EV ${String(i).padStart(2, '0')}` },
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      ),
    );
    await writePrivate(TEMPLATES_RECORD, { version: TEMPLATE_VERSION, templates: many, keptAside: [] });
    const firstRows = await readTemplateRowSummaries();
    const container = document.body.appendChild(document.createElement('div'));
    try {
      draw(<TemplatesSection now={NOW} firstRows={firstRows} full={false} />, container);
      // happy-dom lays nothing out: the list starts at the window's top, so a window's height of rows.
      const fit = Math.ceil(window.innerHeight / 64) + 1;
      expect(fit).toBeLessThan(40);
      expect(names(container)).toHaveLength(fit);
      // Still only those while the first screen is being shown: the rest waits for the full list.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(names(container)).toHaveLength(fit);
      draw(<TemplatesSection now={NOW} firstRows={firstRows} full />, container);
      await waitFor(() => expect(names(container)).toHaveLength(40));
      expect(names(container).map((n) => n.textContent)).toEqual(many.map((t) => t.name));
    } finally {
      draw(null, container);
      container.remove();
    }
  });

  it('lists what the full read finds when the light read had nothing to show', async () => {
    await storeTemplates();
    const { container } = render(<TemplatesSection now={NOW} firstRows={null} full />);
    await waitFor(() => expect(names(container).map((n) => n.textContent)).toEqual(['EV blog', 'EV shop']));
  });
});
