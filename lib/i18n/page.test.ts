// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { localizePage } from './page';

describe('localizePage', () => {
  it('titles the page and gives its root the translation’s language and direction', () => {
    document.documentElement.lang = 'xx';
    localizePage('settings_page_title');
    expect(document.title).toBe('CertCentral Companion settings');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
