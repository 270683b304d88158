import { describe, expect, it } from 'vitest';
import { orderArg, say, sayCount, text } from './messages';
import { alertWords } from './words';

describe('alertWords', () => {
  it('words a message with its arguments as given', () => {
    expect(alertWords(say('alerts_expired', text('shop.example.com'), orderArg(10000001)))).toBe(
      'The certificate for shop.example.com (order 10000001) has expired.',
    );
  });

  it('picks the plural form by the count and puts the count first', () => {
    const one = sayCount(1, 'alerts_expiring_one', 'alerts_expiring_other', text('a.example'), orderArg(7));
    const many = sayCount(12, 'alerts_expiring_one', 'alerts_expiring_other', text('a.example'), orderArg(7));
    expect(alertWords(one)).toBe('1 day left on the certificate for a.example (order 7).');
    expect(alertWords(many)).toBe('12 days left on the certificate for a.example (order 7).');
  });
});
