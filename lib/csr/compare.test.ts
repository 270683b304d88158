import { describe, expect, it } from 'vitest';
import { compareCsrWithOrder, namesFromCsr } from './compare';

const csr = (commonName: string | undefined, sans: string[] = []) => ({ commonName, sans });
const order = (commonName: string, dnsNames: string[] = []) => ({ commonName, dnsNames });

describe('compareCsrWithOrder', () => {
  it.each([
    ['identical', csr('www.example.com', ['example.com']), order('www.example.com', ['example.com']), []],
    [
      'case and a trailing dot do not matter',
      csr('WWW.Example.com', ['example.com.']),
      order('www.example.com', ['EXAMPLE.COM']),
      [],
    ],
    [
      'the CN repeated in the SANs is not a difference',
      csr('www.example.com', ['www.example.com']),
      order('www.example.com'),
      [],
    ],
    [
      'the order repeats its CN in dns_names',
      csr('www.example.com'),
      order('www.example.com', ['www.example.com']),
      [],
    ],
    [
      'a name only in the CSR',
      csr('www.example.com', ['api.example.com']),
      order('www.example.com'),
      ['only_in_csr api.example.com'],
    ],
    [
      'a name only in the order',
      csr('www.example.com'),
      order('www.example.com', ['api.example.com']),
      ['only_in_order api.example.com'],
    ],
    [
      'the CN differs but both name the same domains',
      csr('example.com', ['www.example.com']),
      order('www.example.com', ['example.com']),
      ['common_name_differs'],
    ],
    [
      'completely different',
      csr('a.example.com'),
      order('b.example.com'),
      ['common_name_differs', 'only_in_csr a.example.com', 'only_in_order b.example.com'],
    ],
    [
      'a wildcard is not the bare domain',
      csr('*.example.com'),
      order('example.com'),
      ['common_name_differs', 'only_in_csr *.example.com', 'only_in_order example.com'],
    ],
    [
      'the CSR has no CN',
      csr(undefined, ['www.example.com']),
      order('www.example.com'),
      ['common_name_differs'],
    ],
  ])('%s', (_, c, o, expected) => {
    const result = compareCsrWithOrder(c, o);
    expect(result.differences.map((d) => ('name' in d ? `${d.kind} ${d.name}` : d.kind))).toEqual(expected);
    expect(result.same).toBe(expected.length === 0);
  });

  it('messages are sentences naming both sides', () => {
    const { differences } = compareCsrWithOrder(
      csr('a.example.com', ['x.example.com']),
      order('b.example.com', ['y.example.com']),
    );
    expect(differences.map((d) => d.message)).toEqual([
      "The CSR's common name is a.example.com, the order's is b.example.com.",
      'a.example.com is in the CSR but not in the order.',
      'x.example.com is in the CSR but not in the order.',
      'b.example.com is in the order but not in the CSR.',
      'y.example.com is in the order but not in the CSR.',
    ]);
    expect(
      compareCsrWithOrder(csr(undefined, ['a.example.com']), order('b.example.com')).differences[0]?.message,
    ).toBe("The CSR has no common name; the order's is b.example.com.");
  });

  it('an order without names yet: one difference that offers the CSR names', () => {
    const result = compareCsrWithOrder(csr('www.example.com'), order('  ', []));
    expect(result.differences).toEqual([
      { kind: 'order_has_no_names', message: expect.stringMatching(/take the names from the CSR/) },
    ]);
  });
});

describe('namesFromCsr', () => {
  it.each([
    [
      'CN first, SANs without repeating the CN',
      csr('www.example.com', ['www.example.com', 'example.com']),
      order('www.example.com', ['example.com']),
    ],
    [
      'lower case, no repeats',
      csr('WWW.Example.COM', ['Example.com', 'example.COM.']),
      order('www.example.com', ['example.com']),
    ],
    [
      'no CN: the first SAN becomes the CN',
      csr(undefined, ['*.example.com', 'example.com']),
      order('*.example.com', ['example.com']),
    ],
    [
      'a CN that is not a host name gives way to the first SAN',
      csr('My Web Server', ['www.example.com', 'example.com']),
      order('www.example.com', ['example.com']),
    ],
    [
      'a CN that is not a host name is kept when there is nothing else',
      csr('My Web Server'),
      order('my web server'),
    ],
    ['nothing at all', csr(undefined), order('')],
  ])('%s', (_, c, expected) => {
    expect(namesFromCsr(c)).toEqual(expected);
  });

  it('includeCommonName repeats the CN first in dnsNames', () => {
    expect(namesFromCsr(csr('www.example.com', ['example.com']), { includeCommonName: true })).toEqual(
      order('www.example.com', ['www.example.com', 'example.com']),
    );
  });

  it('taking the names makes the comparison agree', () => {
    const c = csr('www.example.com', ['api.example.com', 'www.example.com']);
    expect(compareCsrWithOrder(c, namesFromCsr(c)).same).toBe(true);
  });
});
