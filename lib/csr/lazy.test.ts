// The popup's first load must not contain @peculiar/x509 (30 KB gzip budget; x509 alone is larger).
// Bundlers split on dynamic import(), so the only value import of it must be load.ts's import().
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('@peculiar/x509 is only loaded lazily', () => {
  it.each(sources)('%s has no static value import of it', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const staticImports = text.match(/^import (?!type )[^;]*from '@peculiar\/x509'/gm) ?? [];
    expect(staticImports).toEqual([]);
    expect(text.includes("import('@peculiar/x509')")).toBe(file === 'load.ts');
  });

  it('index.ts reaches parse.ts and generate.ts only through import()', () => {
    const text = readFileSync(join(dir, 'index.ts'), 'utf8');
    const valueImports = text.match(/^(import|export) (?!type )[^;]*from '[^']+'/gm) ?? [];
    expect(valueImports.join('\n')).not.toMatch(/'\.\/(parse|generate|load|subject|keys|reflect-shim)'/);
    expect(text).toContain("import('./parse')");
  });

  it('pem.ts and compare.ts do not import it at all, not even a type, nor through load.ts or parse.ts', () => {
    for (const file of ['pem.ts', 'compare.ts', 'der.ts', 'host.ts', 'messages.ts']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(
        /(from |import\()'(@peculiar\/x509|\.\/(load|parse|generate|subject|reflect-shim))'/,
      );
    }
  });
});
