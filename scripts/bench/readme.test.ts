import { describe, expect, it } from 'vitest';
import { README_END, README_START, withBenchTable } from './readme';

const table = 'Last run: today\n\n| Figure | Measured |\n| - | - |\n| a | 1 |';

describe('withBenchTable', () => {
  it('replaces only what lies between the markers', () => {
    const readme = `# Title\n\n## Speed\n\n${README_START}\nold figures\n${README_END}\n\n## Next\n`;
    expect(withBenchTable(readme, table)).toBe(
      `# Title\n\n## Speed\n\n${README_START}\n${table}\n${README_END}\n\n## Next\n`,
    );
  });

  it('fills markers with nothing between them, and gives the same text when run again', () => {
    const readme = `a\n${README_START}${README_END}\nb`;
    const once = withBenchTable(readme, table);
    expect(once).toBe(`a\n${README_START}\n${table}\n${README_END}\nb`);
    expect(withBenchTable(once, table)).toBe(once);
  });

  it('fails loudly when a marker is missing', () => {
    expect(() => withBenchTable('# Title\n', table)).toThrow(README_START);
    expect(() => withBenchTable(`${README_START}\nold`, table)).toThrow(README_END);
    expect(() => withBenchTable(`old\n${README_END}`, table)).toThrow(README_START);
  });

  it('fails when the markers are out of order or repeated', () => {
    expect(() => withBenchTable(`${README_END}\n${README_START}`, table)).toThrow(/before/);
    expect(() => withBenchTable(`${README_START}${README_END}${README_START}${README_END}`, table)).toThrow(
      /more than one/,
    );
  });
});
