// Lighthouse on the demo shop's product-listing page, with and without <vitrine-show>: does the
// widget cost the host page anything? Debian's Chromium (never a downloaded one) through
// chrome-launcher, Lighthouse's default (mobile, simulated throttling) performance run, the full-
// page screenshot off (it stretches the viewport over the whole page, which no shopper does, and
// would count the whole page as "in view"). No interaction happens, so every script byte counted
// is a byte the page downloads before the shopper interacts.
//
// Pages: `/` (the listing with its live show, default `loading="lazy"`: the widget's code loads
// after the page's load, in idle time, once the element is near the viewport), `/?loading=interaction`
// (the same show, its code only on hover, focus or tap), `/?widget=off` (the page without the
// element and without Vitrine's script) and `/?widget=markup` (the element and its slotted poster
// without Vitrine's script: what showing a poster image costs the page, apart from Vitrine's code).
// Runs rotate the order so drift in machine load hits every
// side alike. Figures: medians of TBT, LCP, CLS, score and script bytes per side. The demo server
// gzips text as shops and CDNs do; bytes are shown as sent and, for Vitrine's files, also gzipped
// -9 from dist/cdn. Each run prints its LCP element.
//
// Usage: npm run bench -- lighthouse [--runs 5]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createDemoServer } from '../demo/app.ts';
import { median } from './stats.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = option('runs', 5);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

const range = (values) => Math.max(...values) - Math.min(...values);
/** gzip -9 size of a file of the CDN build the demo serves under /vitrine/. */
const gzipped = (path) => {
  const file = join('dist/cdn', path.slice('/vitrine/'.length));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
};

/** One Lighthouse performance run; the figures and the scripts the page fetched. */
async function measure(url, port) {
  const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableFullPageScreenshot: true });
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const value = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const path = (r) => new URL(r.url).pathname;
  return {
    tbt: value('total-blocking-time'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    scriptBytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    vitrineBytes: scripts.filter((r) => path(r).startsWith('/vitrine/')).reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    vitrineGzip: scripts.filter((r) => path(r).startsWith('/vitrine/')).reduce((sum, r) => sum + gzipped(path(r)), 0),
    scripts: scripts.map((r) => `${path(r)} ${r.transferSize ?? 0} B`),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
  };
}

const demo = await createDemoServer({ port: 0 });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'error' });
const pages = { without: `${demo.url}/?widget=off`, markup: `${demo.url}/?widget=markup`, with: `${demo.url}/`, interaction: `${demo.url}/?loading=interaction` };
const SIDES = Object.keys(pages);
const runs = { without: [], markup: [], with: [], interaction: [] };
const loadBefore = loadavg();
try {
  // Warm-up (not counted): the server's caches and Chromium's first start.
  await measure(pages.without, chrome.port);
  for (let run = 0; run < RUNS; run += 1) {
    for (const side of [...SIDES.slice(run % SIDES.length), ...SIDES.slice(0, run % SIDES.length)]) {
      const result = await measure(pages[side], chrome.port);
      runs[side].push(result);
      process.stdout.write(
        `  run ${run + 1}/${RUNS} ${side.padEnd(11)} TBT ${result.tbt.toFixed(0).padStart(4)} ms  LCP ${result.lcp.toFixed(0).padStart(5)} ms  CLS ${result.cls.toFixed(3)}  score ${result.score}  script ${result.scriptBytes} B (Vitrine ${result.vitrineBytes} B)  LCP element ${result.lcpElement.slice(0, 60)}\n`,
      );
    }
  }
} finally {
  await chrome.kill();
  await demo.close();
}
const loadAfter = loadavg();

const summary = (side) => {
  const list = runs[side];
  const of = (key) => list.map((r) => r[key]);
  return {
    tbt: median(of('tbt')),
    lcp: median(of('lcp')),
    cls: median(of('cls')),
    score: median(of('score')),
    scriptBytes: median(of('scriptBytes')),
    vitrineBytes: median(of('vitrineBytes')),
    vitrineGzip: median(of('vitrineGzip')),
    noise: { tbt: range(of('tbt')), lcp: range(of('lcp')), cls: range(of('cls')), score: range(of('score')) },
  };
};
const without = summary('without');
const sides = { markup: summary('markup'), with: summary('with'), interaction: summary('interaction') };
const delta = (side, key, base = without) => sides[side][key] - base[key];
// "Beyond noise": more than the larger spread either side showed over its own runs (or a small floor).
const noise = (side, key, base = without) => Math.max(sides[side].noise[key], base.noise[key]);
const within = (side, key, floor, base) => Math.abs(delta(side, key, base)) <= Math.max(noise(side, key, base), floor);
const meets = (side, base) => within(side, 'tbt', 10, base) && within(side, 'lcp', 50, base) && within(side, 'cls', 0.001, base);
const met = meets('with');
const signed = (n) => `${n >= 0 ? '+' : ''}${n.toFixed(0)}`;
const fetched = (side) => [...new Set(runs[side].flatMap((r) => r.scripts.filter((s) => s.startsWith('/vitrine/'))))];

const row = (label, key, format, unit) =>
  `  ${label.padEnd(14)}${format(without[key]).padStart(9)}${unit}   ${['with', 'interaction'].map((side) => `${format(sides[side][key]).padStart(9)}${unit} (${delta(side, key) >= 0 ? '+' : ''}${format(delta(side, key))}, noise ${format(noise(side, key))})`).join('   ')}`;
const ms = (n) => n.toFixed(0);
console.log(`
Lighthouse (mobile, simulated throttling) on the demo listing page, ${RUNS} runs per side (medians;
difference to the page without the widget; noise = larger max-min spread of the two sides)
                   without    with <vitrine-show> (loading=lazy)      with loading="interaction"
${row('TBT', 'tbt', ms, ' ms')}
${row('LCP', 'lcp', ms, ' ms')}
${row('CLS', 'cls', (n) => n.toFixed(3), '')}
${row('score', 'score', ms, '')}
  script bytes  ${String(without.scriptBytes).padStart(9)} B   ${['with', 'interaction'].map((side) => `${String(sides[side].scriptBytes).padStart(9)} B (Vitrine ${sides[side].vitrineBytes} B as sent, ${sides[side].vitrineGzip} B gzip)`).join('   ')}
  Vitrine scripts fetched without interaction, lazy:        ${fetched('with').join(', ') || 'none'}
  Vitrine scripts fetched without interaction, interaction: ${fetched('interaction').join(', ') || 'none'}
  target: no difference beyond noise (TBT, LCP, CLS): lazy ${met ? 'met' : 'MISSED'}, interaction ${meets('interaction') ? 'met' : 'MISSED'}
  the poster alone (/?widget=markup: the element and its poster, no Vitrine script): TBT ${ms(sides.markup.tbt)} ms, LCP ${ms(sides.markup.lcp)} ms (${signed(delta('markup', 'lcp'))}, noise ${ms(noise('markup', 'lcp'))}), LCP element ${runs.markup[0]?.lcpElement.slice(0, 40)}
  Vitrine's code alone (against that page): ${['with', 'interaction'].map((side) => `${side === 'with' ? 'lazy' : side} LCP ${signed(delta(side, 'lcp', sides.markup))} ms (noise ${ms(noise(side, 'lcp', sides.markup))}), TBT ${signed(delta(side, 'tbt', sides.markup))} ms: ${meets(side, sides.markup) ? 'within noise' : 'BEYOND noise'}`).join('; ')}
  machine: ${cpus().length} CPUs, load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);

if (process.env.BENCH_RESULTS) {
  writeFileSync(
    join(process.env.BENCH_RESULTS, 'lighthouse.json'),
    `${JSON.stringify(
      {
        name: 'lighthouse',
        figures: {
          'TBT ms without/lazy/interaction': [without, sides.with, sides.interaction].map((x) => x.tbt.toFixed(0)).join('/'),
          'LCP ms without/lazy/interaction': [without, sides.with, sides.interaction].map((x) => x.lcp.toFixed(0)).join('/'),
          'CLS without/lazy/interaction': [without, sides.with, sides.interaction].map((x) => x.cls.toFixed(3)).join('/'),
          'score without/lazy/interaction': [without, sides.with, sides.interaction].map((x) => x.score).join('/'),
          'Vitrine script B gzip before interaction lazy/interaction': `${sides.with.vitrineGzip}/${sides.interaction.vitrineGzip}`,
          runs: RUNS,
          'load avg': Number(loadAfter[0].toFixed(2)),
        },
        target: 'no difference beyond noise (TBT, LCP, CLS)',
        met,
        metWithLoadingInteraction: meets('interaction'),
        codeAloneWithinNoise: { lazy: meets('with', sides.markup), interaction: meets('interaction', sides.markup) },
        without,
        markup: sides.markup,
        with: sides.with,
        interaction: sides.interaction,
        fetched: { with: fetched('with'), interaction: fetched('interaction') },
        runs,
      },
      null,
      2,
    )}\n`,
  );
}
