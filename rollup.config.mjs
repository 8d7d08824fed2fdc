// Two builds from one source tree:
//  - npm: ESM, one file per module (tree-shakable), every dependency external; `.d.ts` come from tsc.
//  - cdn: everything bundled and code-split for a <script> tag; a tiny facade entry, the rest on demand.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { minifyTemplates, terserChunks } from './scripts/rollup/minify-templates.mjs';
import { socketTransports } from './scripts/rollup/socket-transports.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const externalPackages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

const define = { __VITRINE_VERSION__: JSON.stringify(pkg.version) };

/** Every module under src/ except the CDN-only embed entry and tests. */
const npmInputs = Object.fromEntries(
  readdirSync('src', { recursive: true })
    .map((file) => `src/${file.replaceAll('\\', '/')}`)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('src/embed/'))
    .map((file) => [file.slice('src/'.length, -'.ts'.length), file]),
);

/**
 * Chunks for the CDN build: hls.js and socket.io-client each load only when needed; Lit and
 * nanostores share one chunk with a name that says what it is; each language's text is an
 * `i18n-<language>` chunk, of which a widget loads one. The producer team's tools are named
 * `staff-*` by their entry modules (src/embed/staff-*.ts,
 * src/i18n/catalogs/staff-<language>.ts, whose names `\w+` above does not match) rather than here:
 * a manual chunk takes in every module it imports (the player, the chat, shared helpers), which
 * would make the shopper's chunks import the staff chunk.
 */
function cdnChunk(id) {
  const language = /[\\/]src[\\/]i18n[\\/]catalogs[\\/](\w+)\.ts$/.exec(id);
  if (language) return `i18n-${language[1]}`;
  if (/[\\/]node_modules[\\/]hls\.js[\\/]/.test(id)) return 'hls';
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element|nanostores)[\\/]/.test(id)) return 'lit';
  // Lit's controller for nanostores, used by every element: as a chunk of its own it was one tiny
  // file more (it imports nothing but Lit and nanostores; a module that imports our own code
  // would drag that code in here).
  if (/[\\/]src[\\/]controllers[\\/]store\.ts$/.test(id)) return 'lit';
  if (/[\\/]node_modules[\\/](socket\.io-client|engine\.io-client|engine\.io-parser|socket\.io-parser|@socket\.io[\\/]component-emitter|xmlhttprequest-ssl)[\\/]/.test(id)) return 'socket';
  return undefined;
}

/** Staff-only source modules: the studio, and any `*.staff.ts` (e.g. chat moderation). */
const isStaffModule = (id) => /\/src\/components\/studio\/|\.staff\.ts$/.test(id.replaceAll('\\', '/'));

/**
 * The name of a CDN chunk. Prefixes say who downloads a chunk, and `npm run size` reads them
 * (keep them when adding code):
 *  - `i18n-<language>` (manual chunks above): one language's text; a widget loads one;
 *  - `cart-<platform>` (a cart adapter), `cart-<platform>-source` (a product source) and
 *    `cart-<platform>-platform` (what both read, src/commerce/<platform>-platform.ts): one shop
 *    platform's code; a widget loads at most one platform's;
 *  - `staff-<name>`: a chunk made only of staff modules (`isStaffModule`); shoppers never load it;
 *  - `live` and `commerce`: the shared chunks holding the live connection and the product model
 *    (money, variants, prices) rather than the name of whichever of their modules rollup picks.
 * Naming (not manual chunks) leaves rollup's splitting alone: shared code stays shared.
 */
function chunkName(chunk) {
  const facade = (chunk.facadeModuleId ?? '').replaceAll('\\', '/');
  const adapter = /\/src\/commerce\/adapters\/(shopify|woocommerce|events)\.ts$/.exec(facade);
  if (adapter) return `cart-${adapter[1]}`;
  const source = /\/src\/commerce\/sources\/(shopify|woocommerce)\.ts$/.exec(facade);
  if (source) return `cart-${source[1]}-source`;
  const platform = chunk.moduleIds.map((id) => /\/src\/commerce\/(shopify|woocommerce)-platform\.ts$/.exec(id.replaceAll('\\', '/'))).find(Boolean);
  if (!chunk.facadeModuleId && platform && chunk.moduleIds.length === 1) return `cart-${platform[1]}-platform`;
  if (chunk.moduleIds.length > 0 && chunk.moduleIds.every(isStaffModule)) return `staff-${chunk.name.replace(/\.staff$/, '')}`;
  // Shared chunks are named by rollup after one of their modules; say what they hold instead.
  const holds = (path) => chunk.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(path));
  if (!chunk.facadeModuleId && holds('/src/live/connection.ts')) return 'live';
  if (!chunk.facadeModuleId && holds('/src/commerce/money.ts')) return 'commerce';
  return chunk.name;
}

/**
 * A classic-script loader (`<script async src=".../vitrine.classic.js">`): it imports the module
 * entry relative to its own URL, so both files can be served from any origin.
 */
function classicLoader() {
  return {
    name: 'vitrine-classic-loader',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'vitrine.classic.js',
        source:
          '/* Vitrine classic-script loader: loads the ES module build next to this file. */\n' +
          '(function(){var s=document.currentScript,b=s&&s.src||location.href;' +
          'import(new URL("vitrine.js",b).href).catch(function(e){console.warn("[vitrine] could not load vitrine.js next to "+b,e)})})();\n',
      });
    },
  };
}

/**
 * Writes dist/cdn-build.json: every file of the CDN build with the files it imports statically
 * and dynamically, as rollup linked them. `npm run size` measures the entry with what it pulls
 * in from this, and integrators can read which files to preload.
 */
function buildManifest(path) {
  return {
    name: 'vitrine-cdn-manifest',
    writeBundle(_options, bundle) {
      const files = {};
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type === 'chunk') files[fileName] = { name: item.isEntry ? item.name : chunkName(item), entry: item.isEntry, imports: item.imports, dynamicImports: item.dynamicImports };
        else if (!fileName.endsWith('.map')) files[fileName] = { name: item.names?.[0] ?? fileName, entry: false, imports: [], dynamicImports: [] };
      }
      mkdirSync('dist', { recursive: true });
      writeFileSync(path, `${JSON.stringify({ files }, null, 2)}\n`);
    },
  };
}

/**
 * rollup-plugin-esbuild resolves relative imports itself (so `./x.js` finds `x.ts`), also inside
 * node_modules, which skips the `browser` field there: socket.io-client then pulled in its Node
 * transports. Let it resolve only our own sources.
 */
function ownSourcesOnly(plugin) {
  const { resolveId } = plugin;
  return {
    ...plugin,
    resolveId(id, importer, options) {
      if (importer && /[\\/]node_modules[\\/]/.test(importer)) return null;
      return resolveId.call(this, id, importer, options);
    },
  };
}

const cdnDefine = { ...define, 'process.env.NODE_ENV': '"production"' };

/**
 * Browsers the CDN build supports; newer syntax (private fields, class fields) ships as is.
 * Static getters: Lit needs TypeScript's class-field semantics (`useDefineForClassFields: false`),
 * under which esbuild turns static fields into assignments after the class for Safari < 16.4 (no
 * static blocks) and then lowers every `#private` member of that class to WeakMap helpers (about
 * 2 KB gzip over the elements). So elements declare `static get styles()` / `static get version()`,
 * each with a setter (src/internal/statics.ts) so a subclass can still assign its own.
 */
const CDN_TARGETS = ['chrome100', 'edge100', 'firefox100', 'safari15.4'];

/** Marks the executable of the live server. */
const binBanner = (chunk) => (chunk.fileName === 'server/bin.js' ? '#!/usr/bin/env node' : '');

export default [
  {
    input: npmInputs,
    external: isExternal,
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define })],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
      banner: binBanner,
    },
  },
  {
    input: { vitrine: 'src/embed/vitrine.ts' },
    plugins: [
      socketTransports(),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      ownSourcesOnly(
        esbuild({ target: CDN_TARGETS, tsconfig: 'tsconfig.json', define: cdnDefine }),
      ),
      // After transpiling (the tags are still named `css` and `html`), before minifying chunks.
      minifyTemplates({ target: CDN_TARGETS }),
      // Chunk-level, so dependencies (nanostores reads process.env.NODE_ENV) get the defines too.
      minify({ target: CDN_TARGETS, legalComments: 'none', define: cdnDefine }),
      terserChunks(),
      classicLoader(),
      buildManifest('dist/cdn-build.json'),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      // Six hash characters (36 bits) are plenty to bust caches; every import between chunks names
      // the file, so shorter names are fewer bytes (~180 B gzip over the widget).
      chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash:6].js`,
      manualChunks: cdnChunk,
      sourcemap: true,
    },
  },
];
