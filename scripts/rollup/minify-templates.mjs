// Rollup plugin for the CDN build: minifies the static text of Lit's `css` and `html` tagged
// templates, and of plain template literals holding CSS (`const somethingCss = `...``, used by the
// vanilla facade), which JavaScript minifiers leave alone.
// - css: minified by esbuild's CSS minifier (shorter colours, numbers and units, whitespace and
//   comments dropped, rules merged where that is safe) for the CDN targets; a `${}` value becomes
//   a placeholder identifier first and is put back after. If esbuild warns, or a placeholder does
//   not come back exactly once and in order, the template keeps the plain minifier below
//   (`minifyCss`: comments dropped, whitespace runs collapsed, spaces around { } ; , dropped);
// - html/svg: whitespace runs that contain a line break become one space (HTML renders any run
//   of whitespace as one space outside <pre>, which the templates do not use).
import MagicString from 'magic-string';
import { transform } from 'esbuild';

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

const PLACEHOLDER = /__vitrine_(\d+)__/g;

/**
 * Minifies the text parts of one CSS template with esbuild: `parts` are the cooked strings around
 * the `${}` values. Returns the new parts, or null when the safe fallback should be used.
 */
export async function minifyCssParts(parts, target) {
  const joined = parts.map((part, i) => (i === 0 ? part : `__vitrine_${i - 1}__${part}`)).join('');
  let result;
  try {
    result = await transform(joined, { loader: 'css', minify: true, target, charset: 'utf8', logLevel: 'silent' });
  } catch {
    return null;
  }
  if (result.warnings.length > 0) return null;
  const code = result.code.trim();
  const found = [...code.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
  if (found.length !== parts.length - 1 || found.some((n, i) => n !== i)) return null;
  return code.split(/__vitrine_\d+__/);
}

/** A cooked string as the raw text of a template literal. */
const asRaw = (text) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

export function minifyTemplates({ include = /[\\/]src[\\/].*\.ts$/, target } = {}) {
  return {
    name: 'vitrine-minify-templates',
    async transform(code, id) {
      if (!include.test(id) || !/\b(css|html|svg)`|Css = `/.test(code)) return null;
      const ast = this.parse(code);
      const output = new MagicString(code);
      const cssTemplates = [];
      let changed = false;
      walk(ast, (node) => {
        if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && /Css$/.test(node.id.name) && node.init?.type === 'TemplateLiteral') {
          cssTemplates.push(node.init);
          return;
        }
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        if (CSS_TAGS.has(node.tag.name)) {
          cssTemplates.push(node.quasi);
          return;
        }
        if (!HTML_TAGS.has(node.tag.name)) return;
        for (const quasi of node.quasi.quasis) {
          const raw = quasi.value.raw;
          const next = minifyHtml(raw);
          if (next !== raw) {
            output.overwrite(quasi.start, quasi.end, next);
            changed = true;
          }
        }
      });
      for (const template of cssTemplates) {
        const { quasis } = template;
        const parts = quasis.every((q) => typeof q.value.cooked === 'string') ? await minifyCssParts(quasis.map((q) => q.value.cooked), target) : null;
        quasis.forEach((quasi, i) => {
          const raw = quasi.value.raw;
          const next = parts ? asRaw(parts[i]) : minifyCss(raw);
          if (next !== raw) {
            output.overwrite(quasi.start, quasi.end, next);
            changed = true;
          }
        });
      }
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
