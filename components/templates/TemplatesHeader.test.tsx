// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplatesHeader } from './TemplatesHeader';

afterEach(cleanup);

const buttons = (container: Element) => [...container.querySelectorAll('button')];

describe('TemplatesHeader', () => {
  it('shows the heading and both buttons disabled while only the light list is there', () => {
    const { container } = render(<TemplatesHeader />);
    expect(container.querySelector('h2#templates-heading')?.textContent).toBe('Templates');
    expect(buttons(container).map((b) => b.disabled)).toEqual([true, true]);
  });

  it('enables the buttons with their actions, export only when there is something to export', () => {
    const onNew = vi.fn();
    const onExportAll = vi.fn();
    const { container, rerender } = render(
      <TemplatesHeader onNew={onNew} onExportAll={onExportAll} canExport={false} />,
    );
    expect(buttons(container).map((b) => b.disabled)).toEqual([false, true]);
    rerender(<TemplatesHeader onNew={onNew} onExportAll={onExportAll} canExport />);
    const [create, exportAll] = buttons(container);
    if (!create || !exportAll) throw new Error('Both buttons should be there.');
    fireEvent.click(create);
    fireEvent.click(exportAll);
    expect(onNew).toHaveBeenCalledOnce();
    expect(onExportAll).toHaveBeenCalledOnce();
  });
});
