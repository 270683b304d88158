// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuarantinedTemplate } from '@/lib/templates';
import { QuarantineReport } from './QuarantineReport';

vi.mock('../download', () => ({ downloadText: vi.fn(), fileSlug: (s: string) => s }));

afterEach(cleanup);

const KEPT_AT = '2026-12-03T10:00:00.000Z';
const aside: QuarantinedTemplate = {
  name: 'Old EV',
  reason: 'its validity could not be read.',
  problems: [],
  value: {},
  keptAt: KEPT_AT,
};
const newerRecord: QuarantinedTemplate = {
  reason: 'saved by version 2.',
  problems: [],
  value: {},
  keptAt: KEPT_AT,
  newerVersion: 2,
};

const buttonTexts = (el: Element) => [...el.querySelectorAll('button')].map((b) => b.textContent);

describe('QuarantineReport', () => {
  it('shows nothing when nothing is kept', () => {
    const { container } = render(<QuarantineReport kept={[]} onChanged={() => undefined} />);
    expect(container.textContent).toBe('');
  });

  it('offers dismiss for a kept-aside template only after it was downloaded', () => {
    const { container } = render(<QuarantineReport kept={[aside]} onChanged={() => undefined} />);
    expect(container.textContent).toContain('One template was kept aside');
    expect(buttonTexts(container)).toEqual(['Download Old EV']);
    const download = container.querySelector('button');
    if (!download) throw new Error('The download button should be there.');
    fireEvent.click(download);
    expect(buttonTexts(container)).toEqual(['Download Old EV', 'Dismiss Old EV']);
  });

  it('lists what a newer version saved apart, as every template, with a backup and no dismiss', () => {
    const { container } = render(
      <QuarantineReport kept={[aside, newerRecord]} onChanged={() => undefined} />,
    );
    const notices = [...container.querySelectorAll('.notice')];
    expect(notices).toHaveLength(2);
    const [newer] = notices;
    if (!newer) throw new Error('The newer notice should be there.');
    expect(newer.textContent).toContain('Saved by a newer version of the extension');
    expect(newer.textContent).toContain('All saved templates: saved by version 2.');
    expect(newer.textContent).not.toContain('Download it first');
    const download = newer.querySelector('button');
    if (!download) throw new Error('The download button should be there.');
    fireEvent.click(download);
    expect(buttonTexts(newer)).toEqual(['Download All saved templates']);
  });
});
