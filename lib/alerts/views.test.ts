import { describe, expect, it } from 'vitest';
import { needsYouListSchema, saveAlertSettingsDataSchema, saveAlertSettingsReplySchema } from './views';

describe('the alerts message schemas', () => {
  it('take a partial notify choice and refuse an unknown kind', () => {
    expect(
      saveAlertSettingsDataSchema.safeParse({ thresholds: '30', stuckDays: '3', notify: { stuck: false } })
        .success,
    ).toBe(true);
    expect(
      saveAlertSettingsDataSchema.safeParse({ thresholds: '30', stuckDays: '3', notify: { stuck: 'no' } })
        .success,
    ).toBe(false);
  });

  it('only lead to the settings page views', () => {
    const item = { kind: 'renew', orderId: 5, message: 'm', action: 'a', snoozed: false };
    expect(needsYouListSchema.safeParse({ items: [{ ...item, target: '#order-5' }], count: 1 }).success).toBe(
      true,
    );
    expect(needsYouListSchema.safeParse({ items: [{ ...item, target: '#renew=5' }], count: 1 }).success).toBe(
      true,
    );
    expect(
      needsYouListSchema.safeParse({ items: [{ ...item, target: 'https://evil.example/' }], count: 1 })
        .success,
    ).toBe(false);
  });

  it('say a refused save with each field', () => {
    const refused = { saved: false, errors: [{ field: 'stuckDays', message: 'no' }] };
    expect(saveAlertSettingsReplySchema.parse(refused)).toEqual(refused);
  });
});
