import { describe, expect, it } from 'vitest';
import { compareCsrWithOrder, generateKeyAndCsr, namesFromCsr, parseCsr } from './index';

describe('index: the lazy entry points', () => {
  it('generate through index, parse through index, take the names', async () => {
    const out = await generateKeyAndCsr({
      commonName: 'www.example.com',
      dnsNames: ['api.example.com'],
      keyType: 'ECDSA-P256',
    });
    const facts = await parseCsr(out.csrPem);
    if (!facts.ok) throw new Error(facts.message);
    expect(namesFromCsr(facts)).toEqual({ commonName: 'www.example.com', dnsNames: ['api.example.com'] });
    expect(
      compareCsrWithOrder(facts, { commonName: 'www.example.com', dnsNames: [] }).differences,
    ).toHaveLength(1);
  });
});
