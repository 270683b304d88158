// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Msg } from './Msg';

afterEach(cleanup);

describe('Msg', () => {
  it('puts element substitutions where the message has them, and text ones in the text', () => {
    const { container } = render(
      <p>
        <Msg id="settings_key_saved" args={[<code>••••a1b2</code>, '5 minutes ago']} />
      </p>,
    );
    expect(container.textContent).toBe('API key saved: ••••a1b2, 5 minutes ago.');
    expect(container.querySelector('code')?.textContent).toBe('••••a1b2');
    expect(container.querySelector('p')?.firstChild?.textContent).toBe('API key saved: ');
  });

  it('keeps several elements in the message’s order', () => {
    const { container } = render(
      <p>
        <Msg id="settings_duplicates_advice" args={[<strong>A</strong>, <em>B</em>]} />
      </p>,
    );
    const tags = [...(container.querySelector('p')?.children ?? [])].map((e) => e.tagName);
    expect(tags).toEqual(['STRONG', 'EM']);
    expect(container.textContent).toMatch(
      /^We recommend turning on A for your account: .* under B; if it is/,
    );
  });
});
