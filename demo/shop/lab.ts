// Lab pages: the same widget under test conditions a newcomer can open too.
//  /lab/embed        the widget embedded by either script form, above or below the fold
//  /lab/strict-csp   the strictest policy a shop could send
//  /lab/theme        a neutral or a hostile shop theme around the same widget
//  /lab/bare-hls     plain hls.js on a <video>: the reference of the time-to-first-frame benchmark
import { attributes, html, type SafeHtml } from './html.js';
import { documentHtml, vitrineScript, type EmbedScript } from './layout.js';

export interface LabParams {
  readonly script: 'module' | 'classic';
  readonly place: 'top' | 'below';
  readonly loading: 'lazy' | 'interaction' | 'eager';
  readonly theme: 'neutral' | 'hostile';
  readonly autoplay: boolean;
  /** Stream URL: a simulated live stream by name, `vod`, or `encoder`. */
  readonly src: string;
  /** Bare hls.js page only: `off` runs hls.js without its worker. */
  readonly worker: 'on' | 'off';
  /** The widget's `locale` attribute (a BCP 47 tag); absent by default. */
  readonly locale?: string;
  /** The poster as the `poster` attribute (default) or as the page's own `<img slot="poster">`. */
  readonly poster: 'attribute' | 'slotted';
}

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Lab parameters from a query string; anything unknown falls back to the default. */
export function labParams(query: URLSearchParams): LabParams {
  const stream = query.get('stream') ?? 'lab';
  const src =
    stream === 'vod' ? '/hls/vod/master.m3u8' : stream === 'encoder' ? '/hls/encoder/master.m3u8' : `/hls/live/${/^[\w-]{1,64}$/.test(stream) ? stream : 'lab'}/master.m3u8`;
  return {
    script: pick(query.get('script'), ['module', 'classic'], 'module'),
    place: pick(query.get('place'), ['top', 'below'], 'top'),
    loading: pick(query.get('loading'), ['lazy', 'interaction', 'eager'], 'lazy'),
    theme: pick(query.get('theme'), ['neutral', 'hostile'], 'neutral'),
    autoplay: query.has('autoplay'),
    src,
    worker: pick(query.get('worker'), ['on', 'off'], 'on'),
    locale: /^[a-z]{2}(-[A-Z]{2})?$/.test(query.get('locale') ?? '') ? query.get('locale')! : undefined,
    poster: pick(query.get('poster'), ['attribute', 'slotted'], 'attribute'),
  };
}

function show(params: LabParams, title = 'Spring drop, live from the studio'): SafeHtml {
  const slotted = params.poster === 'slotted';
  return html`<vitrine-show${attributes({ title, poster: slotted ? undefined : '/hls/vod/poster.jpg', src: params.src, loading: params.loading, autoplay: params.autoplay, locale: params.locale })}>${
    slotted ? html`<img slot="poster" src="/hls/vod/poster-720.avif" alt="" width="720" height="405" fetchpriority="high" />` : ''
  }</vitrine-show>`;
}

const filler = html`<div class="lab-filler">
      <h2>Product details</h2>
      <p>Waxed cotton canvas with vegetable-tanned leather handles, brass hardware and a water-repellent base. The widget sits far below this text, out of the viewport, until the reader scrolls to it.</p>
      <h2>Reviews</h2>
      <p>“Took it to Lisbon and back twice; it still looks new.” — Marieke</p>
    </div>`;

export function renderEmbedLab(params: LabParams, cdn: string): string {
  const embed: EmbedScript = { cdn, form: params.script };
  const body = html`<main class="lab">
    <h1>Embed lab: ${params.script} script, widget ${params.place === 'top' ? 'in view' : 'below the fold'}, loading="${params.loading}"</h1>
    ${params.place === 'below' ? filler : ''}
    <section class="lab-widget">${show(params)}</section>
  </main>`;
  return documentHtml({ title: 'Embed lab · Vitrine', stylesheets: ['/assets/lab.css'], scripts: [vitrineScript(embed)], body });
}

export function renderStrictCspLab(params: LabParams, cdn: string): string {
  const body = html`<main class="lab">
    <h1>Strict Content-Security-Policy</h1>
    <p>This page allows no inline script or style, no eval and no workers; scripts only from the Vitrine folder.</p>
    <section class="lab-widget">${show(params)}</section>
  </main>`;
  return documentHtml({ title: 'Strict CSP lab · Vitrine', stylesheets: ['/assets/lab.css'], scripts: [vitrineScript({ cdn, form: params.script })], body });
}

export function renderThemeLab(params: LabParams, cdn: string): string {
  const hostile = params.theme === 'hostile';
  // The widget is pinned at the same place on both pages, so their screenshots compare pixel for pixel.
  const body = html`<main class="lab lab-theme">
    <section class="lab-widget lab-pinned">${show(params)}</section>
    <div class="lab-copy">
      <h1>${hostile ? 'A hostile shop theme' : 'A neutral page'}</h1>
      <p>${hostile ? 'Its own font, huge line height, letter spacing, upper case, and blunt rules for every button, video, img and div.' : 'Browser defaults and nothing else.'} The widget must look and work the same on both.</p>
      <div><button type="button">A theme button</button> <img src="/assets/logo.svg" alt="A theme image" width="36" height="36" /></div>
    </div>
  </main>`;
  return documentHtml({
    title: `${hostile ? 'Hostile' : 'Neutral'} theme lab · Vitrine`,
    stylesheets: hostile ? ['/assets/lab.css', '/assets/hostile-theme.css'] : ['/assets/lab.css'],
    scripts: [vitrineScript({ cdn, form: params.script })],
    bodyClass: hostile ? 'hostile' : undefined,
    body,
  });
}

export function renderBareHlsLab(params: LabParams): string {
  const body = html`<main class="lab">
    <h1>Bare hls.js</h1>
    <p>hls.js already loaded; the button creates an Hls instance (${params.worker === 'off' ? 'without its worker' : 'with its defaults'}), loads the stream and plays.</p>
    <section class="lab-widget bare-player">
      <video id="bare-video" playsinline data-src="${params.src}" data-worker="${params.worker}" poster="/hls/vod/poster.jpg"></video>
      <button id="bare-play" class="bare-play" type="button" aria-label="Play">▶</button>
    </section>
  </main>`;
  return documentHtml({
    title: 'Bare hls.js lab · Vitrine',
    stylesheets: ['/assets/lab.css'],
    scripts: [html`<script src="/lab/hls.min.js"></script>`, html`<script src="/assets/bare-hls.js" defer></script>`],
    body,
  });
}

export function renderLabIndex(): string {
  const pages: [string, string][] = [
    ['/lab/embed', 'Module script, widget in view'],
    ['/lab/embed?script=classic&place=below', 'Classic script, widget below the fold'],
    ['/lab/embed?loading=interaction', 'loading="interaction": nothing loads before hover, focus or tap'],
    ['/lab/strict-csp', 'Strict Content-Security-Policy'],
    ['/lab/theme?theme=neutral', 'Neutral page'],
    ['/lab/theme?theme=hostile', 'Hostile theme'],
    ['/lab/bare-hls', 'Bare hls.js (benchmark reference)'],
  ];
  const body = html`<main class="lab">
    <h1>Vitrine lab pages</h1>
    <ul>${pages.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
    <p>Every page takes <code>?stream=&lt;name&gt;</code> (a simulated live stream), <code>?stream=vod</code> or <code>?stream=encoder</code>.</p>
  </main>`;
  return documentHtml({ title: 'Lab · Vitrine', stylesheets: ['/assets/lab.css'], body });
}
