// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TemplateSummary } from '@/lib/templates/summaries';
import { TemplatePicker } from './TemplatePicker';

afterEach(cleanup);

const many: TemplateSummary[] = Array.from({ length: 40 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Shop ${String(i).padStart(2, '0')}`,
  product: 'ssl_ev_securesite_pro',
}));

const rows = () => screen.queryAllByRole('listitem');

describe('TemplatePicker', () => {
  it('draws the rows a full popup can show first, and all of them once told to expand', () => {
    const props = { templates: many, onPick: vi.fn(), onCreate: vi.fn() };
    const { rerender } = render(<TemplatePicker {...props} expand={false} />);
    // happy-dom lays nothing out and its window is taller than a popup: at least the 11 rows of
    // 48 px a full popup shows below its search field (140 px down or more), here some more; never
    // all forty.
    const first = rows().length;
    expect(first).toBeGreaterThanOrEqual(Math.ceil((600 - 140) / 48) + 1);
    expect(first).toBeLessThan(40);
    // Every template is counted, drawn or not yet.
    expect(screen.getByText(/^40 templates/)).toBeTruthy();
    rerender(<TemplatePicker {...props} expand />);
    expect(rows().map((row) => row.textContent?.slice(0, 7))).toEqual(many.map((t) => t.name));
  });

  it('draws every match of a search, even before the rows below the window have come', () => {
    const onPick = vi.fn();
    render(<TemplatePicker templates={many} onPick={onPick} onCreate={vi.fn()} expand={false} />);
    const search = screen.getByRole('textbox', { name: 'Template' });
    fireEvent.input(search, { target: { value: 'shop' } });
    expect(rows()).toHaveLength(40);
    fireEvent.input(search, { target: { value: 'Shop 3' } });
    // Shop 03, 13, 23 and 30 to 39; Enter takes the first.
    expect(rows()).toHaveLength(13);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(many[3]?.id);
  });

  it('while the templates are being read, draws the heading and the search field, and no verdict', () => {
    const props = { onPick: vi.fn(), onCreate: vi.fn(), expand: false };
    const { rerender } = render(<TemplatePicker {...props} templates={null} />);
    expect(screen.getByRole('heading', { name: 'New order' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Template' })).toBeTruthy();
    expect(rows()).toHaveLength(0);
    expect(screen.queryByText(/^No order templates yet/)).toBeNull();
    expect(screen.queryByText(/templates, most recently used first/)).toBeNull();
    rerender(<TemplatePicker {...props} templates={[]} />);
    expect(screen.getByText(/^No order templates yet/)).toBeTruthy();
  });

  it('says why no template can be listed instead of "No order templates yet", and opens the settings', () => {
    const onCreate = vi.fn();
    const props = { onPick: vi.fn(), onCreate, expand: false };
    const { rerender } = render(
      <TemplatePicker {...props} templates={{ unreadable: 'The operation failed' }} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your order templates cannot be listed');
    expect(alert.textContent).toContain('“The operation failed”');
    expect(screen.queryByText(/^No order templates yet/)).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open the templates in the settings' }));
    expect(onCreate).toHaveBeenCalledOnce();
    rerender(<TemplatePicker {...props} templates={{ newerVersion: 2 }} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'saved by a newer version of the extension (version 2',
    );
  });
});
