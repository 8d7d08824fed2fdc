// The demo's studio page (/studio.html): <vitrine-studio> for the shop's live show, under the same
// strict Content-Security-Policy as the shop pages. The host token travels in the URL fragment
// (`#token=...`, never sent to the server or logged); /assets/studio.js hands it to the element.
import { attributes, html } from './html.js';
import { documentHtml, vitrineScript, type EmbedScript } from './layout.js';

/** The show's attributes the studio shares with the shop's <vitrine-show> (see data.ts `liveShow`). */
const SHARED = ['src', 'products', 'currency', 'live-server', 'show'] as const;

export function renderStudioPage(show: Readonly<Record<string, string>>, embed: EmbedScript): string {
  const attrs = Object.fromEntries(SHARED.map((name) => [name, show[name]]));
  return documentHtml({
    title: `Studio: ${show['show'] ?? ''} · Vitrine demo`,
    stylesheets: ['/assets/studio.css'],
    scripts: [vitrineScript(embed), html`<script type="module" src="/assets/studio.js"></script>`],
    body: html`    <main>
      <p class="note" id="studio-note">Open this page with the URL <code>npm start</code> prints: it carries a host token after <code>#token=</code>. Open the shop (<a href="/">${'/'}</a>) in a second window to watch as a viewer.</p>
      <vitrine-studio${attributes(attrs)} locale="en"></vitrine-studio>
    </main>`,
  });
}
