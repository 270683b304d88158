// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

const today = new Date('2026-11-29T10:00:00Z');
const now = today.toISOString();

/** A stored template that sets nothing of the names group: not even the fields every order needs. */
const withoutNames: Template = {
  id: '3c1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  name: 'OV without names',
  product: 'ssl_securesite_pro',
  createdAt: now,
  updatedAt: now,
  useCount: 0,
  fields: {
    'order_validity.years': { source: 'fixed', value: 1 },
    'organization.id': { source: 'fixed', value: 60002 },
    'billing_address.city': { source: 'asked' },
  },
};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const fold = (name: RegExp) => screen.getByRole('button', { name });
const expanded = (name: RegExp) => fold(name).getAttribute('aria-expanded');

describe('folding the template editor', () => {
  it('folds the groups a new template sets nothing in, saying how many fields they hold', () => {
    render(<TemplateEditor otherNames={[]} onSaved={() => {}} onCancel={() => {}} today={today} />);
    expect(expanded(/^Product & validity/)).toBe('true');
    expect(expanded(/^Names & CSR/)).toBe('true');
    expect(fold(/^Validation/).textContent).toBe('Validation — 3 fields, none set');
    expect(expanded(/^Validation/)).toBe('false');
    expect(screen.queryByRole('combobox', { name: 'Source of DCV method' })).toBeNull();
    expect(fold(/^Product & validity/).textContent).toMatch(/— 7 fields, 2 set$/);
  });

  it('opens and folds again with its button, which names the part it controls', () => {
    render(<TemplateEditor otherNames={[]} onSaved={() => {}} onCancel={() => {}} today={today} />);
    const validation = fold(/^Validation/);
    const region = document.getElementById(validation.getAttribute('aria-controls') ?? '');
    expect(region?.hidden).toBe(true);
    fireEvent.click(validation);
    expect(validation.getAttribute('aria-expanded')).toBe('true');
    expect(region?.hidden).toBe(false);
    screen.getByRole('combobox', { name: 'Source of DCV method' });
    fireEvent.click(validation);
    expect(validation.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('combobox', { name: 'Source of DCV method' })).toBeNull();
  });

  it('folds the parts few orders need inside an open group, and opens one that holds a value', () => {
    render(
      <TemplateEditor
        template={withoutNames}
        otherNames={[]}
        onSaved={() => {}}
        onCancel={() => {}}
        today={today}
      />,
    );
    expect(expanded(/^Payment & approval/)).toBe('true');
    expect(fold(/^Billing address/).textContent).toBe('Billing address — 6 fields, 1 set');
    expect(expanded(/^Billing address/)).toBe('true');
    expect(fold(/^Card \(asked when used\)/).textContent).toBe('Card (asked when used) — 5 fields, none set');
    expect(expanded(/^Card \(asked when used\)/)).toBe('false');
  });

  it('opens a folded group when a refused save finds a problem in it, and the summary leads there', async () => {
    render(
      <TemplateEditor
        template={withoutNames}
        otherNames={[]}
        onSaved={() => {}}
        onCancel={() => {}}
        today={today}
      />,
    );
    expect(fold(/^Names & CSR/).textContent).toBe('Names & CSR — 3 fields, none set');
    expect(expanded(/^Names & CSR/)).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toMatch(/Common name: Every order needs this/);
    await waitFor(() => expect(expanded(/^Names & CSR/)).toBe('true'));
    expect(fold(/^Names & CSR/).textContent).toMatch(/none set, 2 with problems$/);

    // Folded again by hand, the summary's link still reaches the field.
    fireEvent.click(fold(/^Names & CSR/));
    expect(expanded(/^Names & CSR/)).toBe('false');
    fireEvent.click(screen.getByRole('link', { name: /^Common name: Every order needs this/ }));
    const source = document.getElementById('f-certificate-common-name-source');
    // Shown by the time focus moves there (a browser does not focus what is hidden).
    expect(source?.closest('[hidden]')).toBeNull();
    expect(document.activeElement).toBe(source);
    await waitFor(() => expect(expanded(/^Names & CSR/)).toBe('true'));
  });
});
