import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatAnd, formatDate, formatDay, formatList, formatNumber } from './format';
import { type MessageKey, messageParts, missingMessage, t, tn, uiLocale } from './index';

describe('t', () => {
  it('gives the message with its substitutions', () => {
    expect(t('common_cancel')).toBe('Cancel');
    expect(t('settings_connected_as', 'Ada Admin')).toBe('Connected as Ada Admin');
    expect(t('popup_templates_some', ['3', '12'])).toBe('3 of 12 templates');
  });

  it('shows the bracketed key of a message the catalogue lacks, and logs it, never nothing', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(t('popup_no_such_message' as MessageKey)).toBe(missingMessage('popup_no_such_message'));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('popup_no_such_message'));
    logged.mockRestore();
  });

  it('asks the browser once for a message without substitutions, each time for one with them', () => {
    const asked = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    try {
      expect([t('settings_action_rename'), t('settings_action_rename')]).toEqual(['Rename', 'Rename']);
      expect([t('settings_connected_as', 'Ada'), t('settings_connected_as', 'Grace')]).toEqual([
        'Connected as Ada',
        'Connected as Grace',
      ]);
      const times = (key: string) => asked.mock.calls.filter(([name]) => name === key).length;
      expect(times('settings_action_rename')).toBe(1);
      expect(times('settings_connected_as')).toBe(2);
    } finally {
      asked.mockRestore();
    }
  });

  it('keeps a literal $ of the catalogue', () => {
    expect(t('popup_copied_curl')).toContain('$DIGICERT_API_KEY;');
  });
});

describe('tn', () => {
  it('picks the plural form by the locale’s rules and formats the count', () => {
    expect(tn(1, 'common_time_minutes_one', 'common_time_minutes_other')).toBe('1 minute ago');
    expect(tn(0, 'common_time_minutes_one', 'common_time_minutes_other')).toBe('0 minutes ago');
    expect(tn(1500, 'renewal_days_left_one', 'renewal_days_left_other')).toBe('1,500 days left');
  });

  it('passes further substitutions after the count', () => {
    expect(tn(2, 'editor_validity_reissues_one', 'editor_validity_reissues_other', ['3'])).toBe(
      'The plan needs 3 certificates: the first and 2 reissues.',
    );
  });
});

describe('messageParts', () => {
  it('keeps the place of each element and substitutes the text', () => {
    expect(messageParts('settings_key_saved', [null, '5 minutes ago'])).toEqual([
      'API key saved: ',
      0,
      ', 5 minutes ago.',
    ]);
    expect(
      messageParts('settings_duplicates_advice', [null, null]).filter((p) => typeof p === 'number'),
    ).toEqual([0, 1]);
  });
});

describe('locale formatting', () => {
  it('reads the browser’s UI language', () => {
    expect(uiLocale()).toBe('en-US');
  });

  it('formats numbers and lists for the locale', () => {
    expect(formatNumber(1440)).toBe('1,440');
    expect(formatNumber(1440, 'de-DE')).toBe('1.440');
    expect(formatList(['a.example', 'b.example'])).toBe('a.example, b.example');
    expect(formatAnd(['first name', 'last name', 'email'])).toBe('first name, last name, and email');
    expect(formatAnd(['email'])).toBe('email');
  });

  it('writes a calendar day without moving it across time zones', () => {
    expect(formatDay('2027-01-31')).toBe('Jan 31, 2027');
    expect(formatDay('2027-01-31', 'de-DE')).toBe('31.01.2027');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('writes a moment’s day in the given locale', () => {
    expect(formatDate('2026-11-20T12:00:00Z', 'en-GB')).toBe('20 Nov 2026');
  });
});
