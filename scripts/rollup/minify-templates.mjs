// Rollup plugin for the CDN build: minifies the static text of Lit's `css` and `html` tagged
// templates, which JavaScript minifiers leave alone. Only whitespace and comments change:
// - css: comments dropped, whitespace runs collapsed, spaces around { } ; , dropped;
// - html/svg: whitespace runs that contain a line break become one space (HTML renders any run
//   of whitespace as one space outside <pre>, which the templates do not use).
import MagicString from 'magic-string';

const CSS_TAGS = new Set(['css']);
const HTML_TAGS = new Set(['html', 'svg']);

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) walk(item, visit);
    else if (child && typeof child.type === 'string') walk(child, visit);
  }
}

export function minifyTemplates({ include = /[\\/]src[\\/].*\.ts$/ } = {}) {
  return {
    name: 'vitrine-minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const ast = this.parse(code);
      const output = new MagicString(code);
      let changed = false;
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const minify = CSS_TAGS.has(node.tag.name) ? minifyCss : HTML_TAGS.has(node.tag.name) ? minifyHtml : null;
        if (!minify) return;
        for (const quasi of node.quasi.quasis) {
          const raw = quasi.value.raw;
          const next = minify(raw);
          if (next !== raw) {
            output.overwrite(quasi.start, quasi.end, next);
            changed = true;
          }
        }
      });
      return changed ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * A last, slower minifying pass with terser over our chunks (about 2.5% smaller than esbuild
 * alone); hls.js, already minified and large, is skipped to keep builds fast.
 */
export function terserChunks({ skip = ['hls'] } = {}) {
  return {
    name: 'vitrine-terser',
    async renderChunk(code, chunk) {
      if (skip.includes(chunk.name)) return null;
      const { minify } = await import('terser');
      const result = await minify(code, {
        module: true,
        ecma: 2020,
        compress: { passes: 2 },
        mangle: true,
        sourceMap: { asObject: true },
      });
      return { code: result.code ?? code, map: result.map };
    },
  };
}
