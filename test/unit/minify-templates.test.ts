import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build helper without types
import { minifyCss, minifyCssParts, minifyHtml } from '../../scripts/rollup/minify-templates.mjs';

describe('template minification (CDN build)', () => {
  it('drops comments and whitespace that CSS does not need, keeping selectors and values intact', () => {
    const css = `
      /* a comment */
      :host(:not([open])) .a :hover,
      .b > .c {
        margin: 0 auto;
        width: calc(100% - 2px);
      }
    `;
    // Edges keep one space: next to a ${} value it may separate tokens.
    expect(minifyCss(css)).toBe(' :host(:not([open])) .a :hover,.b > .c{margin: 0 auto;width: calc(100% - 2px)}');
  });

  it('collapses line breaks in HTML to the single space HTML renders anyway', () => {
    expect(minifyHtml('<div>\n    <span>a</span>\n    <span>b</span>\n  </div>')).toBe('<div> <span>a</span> <span>b</span> </div>');
    expect(minifyHtml('<b>x</b> <i>y</i>')).toBe('<b>x</b> <i>y</i>');
  });

  it('minifies CSS templates with esbuild, keeping each ${} value in its place', async () => {
    const parts = ['\n  :host { color: #ffffff; margin: 0px 0px; }\n  @container x (min-width: ', 'px) { .a { height: ', '; } }\n'];
    expect(await minifyCssParts(parts, ['chrome100', 'safari15.4'])).toEqual([':host{color:#fff;margin:0}@container x (min-width: ', 'px){.a{height:', '}}']);
  });

  it('leaves a CSS template to the plain minifier when esbuild cannot read it', async () => {
    expect(await minifyCssParts(['.a { color: red; ', ' }'], ['chrome100'])).toBeNull();
  });
});
