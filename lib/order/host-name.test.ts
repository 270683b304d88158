import { describe, expect, it } from 'vitest';
import { hostNameFinding, isWildcard } from './host-name';

describe('hostNameFinding', () => {
  it.each([
    'example.com',
    'www.example.com',
    'WWW.Example.COM',
    '*.example.com',
    'xn--bcher-kva.example',
    'a-b.c-d.example',
    `${'a'.repeat(63)}.example.com`,
    `${'abcdefghi.'.repeat(24)}example.com`, // 251 characters
  ])('accepts %s', (name) => {
    expect(hostNameFinding(name)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['example.com.', 'trailing_dot'],
    [`${'abcdefghi.'.repeat(25)}example.com`, 'name_too_long'],
    ['localhost', 'single_label'],
    ['*', 'single_label'],
    ['*.a.*.com', 'wildcard_not_leftmost'],
    ['www.*.example.com', 'wildcard_not_leftmost'],
    ['w*.example.com', 'partial_wildcard'],
    ['**.example.com', 'partial_wildcard'],
    ['a..example.com', 'empty_label'],
    ['.example.com', 'empty_label'],
    [`${'a'.repeat(64)}.example.com`, 'label_too_long'],
    ['under_score.example.com', 'invalid_character'],
    ['bücher.example', 'invalid_character'],
    ['has space.example.com', 'invalid_character'],
    ['-lead.example.com', 'hyphen_at_label_edge'],
    ['trail-.example.com', 'hyphen_at_label_edge'],
    ['192.168.0.1', 'numeric_tld'],
  ])('refuses %j as %s', (name, code) => {
    expect(hostNameFinding(name)?.code).toBe(code);
  });

  it('quotes the name and says how to fix it', () => {
    expect(hostNameFinding('*.a.*.com')?.text).toBe(
      '"*.a.*.com" has a wildcard that is not the leftmost label; use a name like *.example.com.',
    );
  });

  it('tells wildcards apart', () => {
    expect(isWildcard('*.example.com')).toBe(true);
    expect(isWildcard('www.example.com')).toBe(false);
  });
});
