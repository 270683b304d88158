// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Template } from '@/lib/templates';
import { TemplateEditor } from './TemplateEditor';

vi.mock('@/lib/messaging', () => ({
  sendToBackground: vi.fn(async () => ({
    ok: false,
    error: { title: 'No API key is saved.', detail: 'Add your key first.', code: 'no_api_key' },
  })),
}));

const now = new Date('2026-11-29T10:00:00Z').toISOString();
const stored: Template = {
  id: '3c1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  name: 'Web EV',
  product: 'ssl_ev_securesite_pro',
  createdAt: now,
  updatedAt: now,
  useCount: 0,
  fields: {
    'certificate.common_name': { source: 'csr' },
    'organization.id': { source: 'fixed', value: 60001 },
  },
};
const onCancel = vi.fn();

beforeEach(() => {
  fakeBrowser.reset();
  onCancel.mockReset();
});
afterEach(cleanup);

function edit(template?: Template) {
  render(
    <TemplateEditor
      template={template}
      otherNames={[]}
      onSaved={() => {}}
      onCancel={onCancel}
      today={new Date(now)}
    />,
  );
}

const nameInput = () => screen.getByRole('textbox', { name: 'Template name' });
const button = (name: string) => screen.getByRole('button', { name });
/** What the browser does before closing the tab: asks only when a listener cancels the event. */
function closingTheTabIsQuestioned(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('leaving the template editor', () => {
  it('leaves at once when nothing changed, and the tab closes without a question', () => {
    edit(stored);
    expect(closingTheTabIsQuestioned()).toBe(false);
    fireEvent.click(button('Back to templates'));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before discarding changes; Escape keeps editing and gives focus back', () => {
    edit(stored);
    fireEvent.input(nameInput(), { target: { value: 'Web EV, two years' } });
    const back = button('Back to templates');
    back.focus();
    fireEvent.click(back);
    const dialog = screen.getByRole('dialog', { name: 'Discard unsaved changes to “Web EV”?' });
    expect(dialog.getAttribute('aria-describedby')).toBe('discard-detail');
    expect(document.activeElement).toBe(button('Keep editing'));
    expect(onCancel).not.toHaveBeenCalled();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(back);
    expect(nameInput()).toHaveProperty('value', 'Web EV, two years');
  });

  it('keeps Tab inside the question', () => {
    edit(stored);
    fireEvent.input(nameInput(), { target: { value: 'Renamed' } });
    fireEvent.click(button('Cancel'));
    const dialog = screen.getByRole('dialog');
    const keep = button('Keep editing');
    const discard = button('Discard changes');
    discard.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(keep);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(discard);
  });

  it('discards the changes when asked to, from Cancel too', () => {
    edit(stored);
    fireEvent.change(screen.getByRole('combobox', { name: 'Source of Common name' }), {
      target: { value: 'asked' },
    });
    fireEvent.click(button('Cancel'));
    fireEvent.click(button('Discard changes'));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('names a new template by what was typed, and has the browser ask before the tab closes', () => {
    edit();
    expect(closingTheTabIsQuestioned()).toBe(false);
    fireEvent.input(nameInput(), { target: { value: 'EV shop' } });
    expect(closingTheTabIsQuestioned()).toBe(true);
    fireEvent.click(button('Back to templates'));
    screen.getByRole('dialog', { name: 'Discard unsaved changes to “EV shop”?' });
    // Changed back: nothing left to lose.
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.input(nameInput(), { target: { value: '' } });
    expect(closingTheTabIsQuestioned()).toBe(false);
    fireEvent.click(button('Back to templates'));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
