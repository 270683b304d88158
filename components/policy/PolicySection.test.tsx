// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fullPolicy } from '@/lib/policy/testing';
import { TemplateRow } from '../templates/TemplateRow';
import { PolicySection } from './PolicySection';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

// The section loads the policy's parser (zod and the template checks) on first use; on a busy machine
// that took longer than waitFor's default second. A limit, not a measurement.
const LOADED = { timeout: 10_000 };

describe('PolicySection', () => {
  it('draws nothing where no policy is set', async () => {
    const { container } = render(<PolicySection />);
    await new Promise((r) => setTimeout(r, 20));
    expect(container.innerHTML).toBe('');
  });

  it('lists each rule the policy sets', async () => {
    await fakeBrowser.storage.managed.set(fullPolicy());
    const { container } = render(<PolicySection />);
    await waitFor(
      () => expect(container.querySelector('h2')?.textContent).toBe('Managed by your organization'),
      LOADED,
    );
    const facts = [...container.querySelectorAll('dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    expect(facts).toEqual([
      'Region: Europe (certcentral.digicert.eu)',
      expect.stringMatching(/^Products allowed: Secure Site Pro EV SSL(,| and) Basic OV SSL$/),
      'Longest validity: 1 year from the day of ordering',
      'Custom fields every order carries: Cost center (id 12)',
      'Personal templates: Not allowed (your own templates are hidden)',
      'Organization templates: Org EV',
    ]);
  });

  it('says what is wrong with a broken policy, where, in an alert', async () => {
    await fakeBrowser.storage.managed.set({ ...fullPolicy(), region: 'asia' });
    const { container } = render(<PolicySection />);
    await waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull(), LOADED);
    expect(container.querySelector('[role="alert"] li')?.textContent).toMatch(
      /^region: "asia" is not a region: use one of us(,| and) eu\.$/,
    );
  });
});

describe('TemplateRow of an organization template', () => {
  const row = { id: 'x', name: 'Org EV', product: 'ssl_basic', fields: {} };
  const names = (container: Element) =>
    [...container.querySelectorAll('button')].map((b) => b.firstChild?.textContent);

  it('offers copying and export only, and says it is read-only', () => {
    const { container } = render(
      <TemplateRow template={row} now={new Date()} onAction={() => undefined} managed={{ canCopy: true }} />,
    );
    expect(names(container)).toEqual(['Copy as my template', 'Export']);
    expect(container.textContent).toContain('Organization');
    expect(container.textContent).toContain('Read-only: from your organization');
  });

  it('offers export only when personal templates are not allowed', () => {
    const { container } = render(
      <TemplateRow template={row} now={new Date()} onAction={() => undefined} managed={{ canCopy: false }} />,
    );
    expect(names(container)).toEqual(['Export']);
  });
});
