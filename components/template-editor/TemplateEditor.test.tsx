// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStorageForTests } from '@/lib/storage/testing';
import { readTemplates } from '@/lib/templates';
import { TemplateEditor } from './TemplateEditor';

// No key saved: the editor must still work with typed ids and say why choices are missing.
vi.mock('@/lib/messaging', () => ({
  sendToBackground: vi.fn(async () => ({
    ok: false,
    error: { title: 'No API key is saved.', detail: 'Add your key first.', code: 'no_api_key' },
  })),
}));

const today = new Date('2026-11-29T10:00:00Z');
const onSaved = vi.fn();

beforeEach(() => {
  resetStorageForTests();
  onSaved.mockReset();
  render(<TemplateEditor otherNames={['Taken']} onSaved={onSaved} onCancel={() => {}} today={today} />);
});
afterEach(cleanup);

const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const source = (field: string) =>
  screen.getByRole('combobox', { name: `Source of ${field}` }) as HTMLSelectElement;
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const choose = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function fillValidTemplate() {
  type(input('Template name'), 'EV shop');
  type(input('Organization'), '60001');
  fireEvent.click(screen.getByRole('button', { name: 'Add a contact' }));
  choose(screen.getByRole('combobox', { name: 'Person for contact 1' }), 'other');
  type(input('User id for contact 1'), '100002');
}

describe('TemplateEditor', () => {
  it('says why the account’s choices are unavailable and takes typed ids', async () => {
    await screen.findByText('Choices from your account are unavailable.');
    expect(screen.getByRole('status').textContent).toMatch(/No API key is saved/);
    type(input('Organization'), '60001');
    expect(input('Organization').value).toBe('60001');
  });

  it('shows a bad fixed name at its entry, with aria-invalid and the problem in words', async () => {
    choose(source('Other names (SANs)'), 'fixed');
    type(input('Other names (SANs), entry 1'), 'bad..name');
    const entry = input('Other names (SANs), entry 1');
    await waitFor(() => expect(entry.getAttribute('aria-invalid')).toBe('true'));
    const described = entry.getAttribute('aria-describedby') ?? '';
    const text = described
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(text).toMatch(/Entry 1: "bad\.\.name" has an empty label/);
    expect(screen.getByRole('group', { name: /Other names/ }).textContent).toMatch(/empty label/);
  });

  it('does not call an asked field’s missing value an error', () => {
    // Nothing of a new template is in this group, so it starts folded.
    fireEvent.click(screen.getByRole('button', { name: /^Custom fields & comments/ }));
    choose(source('Comments for the approver'), 'asked');
    choose(source('Common name'), 'asked');
    expect(
      screen.getByRole('group', { name: /Common name/ }).querySelector('[aria-invalid="true"]'),
    ).toBeNull();
    expect(screen.getByRole('group', { name: /Common name/ }).textContent).not.toMatch(/needs this/);
    // Contrast: left out, the same field is a problem (every order needs a common name).
    choose(source('Common name'), 'none');
    expect(screen.getByRole('group', { name: /Common name/ }).textContent).toMatch(/Every order needs this/);
  });

  it('refuses to save while there are problems, keeps the form, and saves once they are fixed', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Not saved/);
    expect(alert.textContent).toMatch(/Template name: Give the template a name/);
    expect(input('Template name').getAttribute('aria-invalid')).toBe('true');
    expect((await readTemplates()).templates).toEqual([]);

    await fillValidTemplate();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [saved] = (await readTemplates()).templates;
    expect(saved?.name).toBe('EV shop');
    expect(saved?.fields['organization.id']).toEqual({ source: 'fixed', value: 60001 });
    expect(saved?.fields['organization.contacts']).toEqual({
      source: 'fixed',
      value: [{ contact_type: 'ev_approver', user_id: 100002 }],
    });
  });

  it('refuses a name another template has', async () => {
    type(input('Template name'), 'taken');
    await waitFor(() => expect(input('Template name').getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('template-name-problem')?.textContent).toMatch(/“Taken” already exists/);
  });
});
