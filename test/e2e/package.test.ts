import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The npm package as a consumer sees it after `npm run build` (run by `npm test` first).
describe('built package', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  it('exports side-effect-free classes with types', async () => {
    // Importing in Node (SSR) must not throw.
    // Through the package's own `exports`, exactly as a consumer imports it (built by `npm test`).
    const name = 'vitrine';
    const main = await import(/* @vite-ignore */ name);
    expect(typeof main.VitrineShow).toBe('function');
    expect(readFileSync('dist/index.d.ts', 'utf8')).toContain('VitrineShow');
    expect(pkg.exports['.'].types).toBe('./dist/index.d.ts');
  });

  it('keeps dependencies external in the npm build', () => {
    const player = readFileSync('dist/components/player/player.js', 'utf8');
    expect(player).toMatch(/from ['"]lit['"]/);
    expect(player).not.toContain('class ReactiveElement');
  });

  it('generates a custom elements manifest with the show attributes', () => {
    const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
    const show = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []).find((d: { tagName?: string }) => d.tagName === 'vitrine-show');
    const names = show.attributes.map((a: { name: string }) => a.name);
    for (const name of ['src', 'show', 'live-server', 'products', 'cart', 'currency', 'locale', 'poster', 'title', 'autoplay', 'muted', 'creator']) {
      expect(names).toContain(name);
    }
  });
});
