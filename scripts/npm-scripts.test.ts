import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every script a person runs is reachable as an npm script, so `npm run` lists all there is to run.
// Modules under scripts/bench/ are the bench's parts, run through scripts/bench.ts.
const here = import.meta.dirname;
const commands = Object.values(
  (JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
).join('\n');

describe('npm scripts', () => {
  const runnable = readdirSync(here).filter((f) => /\.(ts|sh)$/.test(f) && !f.endsWith('.test.ts'));

  it('finds the scripts folder', () => {
    expect(runnable).toContain('bench.ts');
  });

  it.each(runnable)('scripts/%s is run by an npm script', (file) => {
    expect(commands).toContain(`scripts/${file}`);
  });
});
