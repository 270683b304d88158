import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSettingsRules } from './first-question';
import { protocol } from './protocol';

describe('the front’s rules for getSettings', () => {
  it('name the same senders as the protocol', () => {
    expect(getSettingsRules.from).toBe(protocol.getSettings.from);
  });

  it('accept exactly the payloads the protocol accepts', () => {
    const samples: unknown[] = [undefined, null, 0, '', {}, [], false, { apiKey: 'k' }];
    for (const data of samples) {
      expect(getSettingsRules.data.safeParse(data).success).toBe(
        protocol.getSettings.data.safeParse(data).success,
      );
    }
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const ours = getSettingsRules.data.safeParse(data);
        const theirs = protocol.getSettings.data.safeParse(data);
        expect(ours.success).toBe(theirs.success);
        if (ours.success && theirs.success) expect(ours.data).toEqual(theirs.data);
      }),
      { numRuns: 500 },
    );
  });
});
