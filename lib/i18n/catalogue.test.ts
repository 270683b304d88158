import { describe, expect, it } from 'vitest';
import { literalParts, renderMessage } from './catalogue';

const entry = {
  message: 'Renew $COUNT$ orders of $NAME$ for $$5.',
  placeholders: { count: { content: '$1' }, NAME: { content: '$2' } },
};

describe('renderMessage', () => {
  it('fills named placeholders in any case, in the order of their $n', () => {
    expect(renderMessage(entry, ['3', 'Example Corp'])).toBe('Renew 3 orders of Example Corp for $5.');
  });

  it('leaves a missing substitution empty and keeps text that only looks like a placeholder', () => {
    expect(renderMessage(entry, ['3'])).toBe('Renew 3 orders of  for $5.');
    expect(renderMessage({ message: 'Key $$DIGICERT_API_KEY; $UNKNOWN$' })).toBe(
      'Key $DIGICERT_API_KEY; $UNKNOWN$',
    );
  });

  it('substitutes $1 written in the message itself', () => {
    expect(renderMessage({ message: '$1 and $2' }, ['a', 'b'])).toBe('a and b');
  });
});

describe('literalParts', () => {
  it('cuts a message at its substitutions', () => {
    expect(literalParts(entry)).toEqual(['Renew ', ' orders of ', ' for $5.']);
    expect(literalParts({ message: 'No placeholder.' })).toEqual(['No placeholder.']);
    expect(
      literalParts({ message: '$A$: $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } }),
    ).toEqual(['', ': ', '']);
  });
});
