import { css, unsafeCSS } from 'lit';
import { hostResetCss } from '../host.styles.js';
import { srOnlyCss } from '../products/products.styles.js';

export const studioStyles = [
  unsafeCSS(hostResetCss),
  srOnlyCss,
  css`
    :host {
      --_accent: var(--vitrine-accent, #e11d48);
      --_bg: var(--vitrine-studio-background, #fff);
      --_line: rgb(0 0 0 / 0.12);
      --_muted: #5b5b66;
      --_radius: var(--vitrine-radius, 12px);
      container-type: inline-size;
    }
    h2,
    h3,
    p,
    dl,
    dd {
      margin: 0;
    }
    h2 {
      font-size: 1.3em;
    }
    h3 {
      font-size: 1.05em;
      margin-block-end: 8px;
    }
    button,
    input,
    select {
      font: inherit;
      min-block-size: 40px;
    }
    button {
      padding-inline: 14px;
      border: 1px solid var(--_line);
      border-radius: 8px;
      background: var(--_bg);
      cursor: pointer;
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: #fff;
    }
    button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button.link {
      min-block-size: 32px;
      border: none;
      text-decoration: underline;
      padding-inline: 4px;
    }
    :focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    input,
    select {
      inline-size: 100%;
      padding-inline: 10px;
      border: 1px solid #8a8a96;
      border-radius: 8px;
      background: #fff;
      color: #111;
    }
    input[aria-invalid='true'] {
      border-color: #b91c1c;
      box-shadow: 0 0 0 1px #b91c1c;
    }
    .studio {
      display: grid;
      gap: 16px;
    }
    .refusal {
      padding: 24px;
      border: 2px solid #b91c1c;
      border-radius: var(--_radius);
      background: color-mix(in srgb, #b91c1c 6%, var(--_bg));
      display: grid;
      gap: 8px;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .status {
      color: var(--_muted);
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-inline-start: auto;
    }
    .summary .figure {
      padding: 6px 12px;
      border: 1px solid var(--_line);
      border-radius: 8px;
      background: var(--_bg);
    }
    .summary dt {
      font-size: 0.8em;
      color: var(--_muted);
    }
    .summary dd {
      font-size: 1.4em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .layout {
      display: grid;
      gap: 16px;
      grid-template-columns: 1fr;
    }
    @container (min-width: 900px) {
      .layout {
        grid-template-columns: minmax(0, 1.1fr) minmax(0, 1.3fr) minmax(0, 1fr);
        grid-template-areas: 'preview products chat' 'creators products chat';
        /* The preview's row is as tall as the preview: the tall columns span into the 1fr row. */
        grid-template-rows: auto 1fr;
        align-items: start;
      }
      .preview-pane {
        grid-area: preview;
      }
      .products-pane {
        grid-area: products;
      }
      .chat-pane {
        grid-area: chat;
      }
      .creators-pane {
        grid-area: creators;
      }
    }
    .pane {
      padding: 12px;
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      background: var(--_bg);
      min-inline-size: 0;
    }
    .count {
      font-weight: 400;
      color: var(--_muted);
      margin-inline-start: 8px;
    }
    vitrine-player {
      aspect-ratio: 16 / 9;
      border-radius: 8px;
      overflow: hidden;
    }
    .clock,
    .note {
      margin-block-start: 6px;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .products {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .product {
      padding: 8px;
      border: 1px solid var(--_line);
      border-radius: 8px;
      display: grid;
      gap: 6px;
    }
    .product.pinned {
      border-color: var(--_accent);
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    .row {
      display: flex;
      align-items: center;
      gap: 10px;
    }
    .row img,
    .no-image {
      flex: none;
      inline-size: 48px;
      block-size: 48px;
      border-radius: 6px;
      object-fit: cover;
      background: #f3f3f5;
    }
    .info {
      flex: 1;
      min-inline-size: 0;
    }
    .title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .price {
      color: var(--_muted);
    }
    .badge {
      display: inline-block;
      padding-inline: 6px;
      border-radius: 4px;
      background: var(--_accent);
      color: #fff;
      font-size: 0.75em;
      font-weight: 700;
      text-transform: uppercase;
      vertical-align: 1px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      justify-content: end;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 4px;
      font-size: 0.85em;
    }
    .figures dt {
      color: var(--_muted);
    }
    .figures dd {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .offer {
      padding: 4px 8px;
      border-radius: 6px;
      background: #f3f3f5;
      font-variant-numeric: tabular-nums;
    }
    .offer.live {
      background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
      font-weight: 600;
    }
    .error {
      color: #b91c1c;
    }
    .error:empty {
      display: none;
    }
    .offer-form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 8px;
      padding: 8px;
      border-radius: 8px;
      background: #f8f8fa;
    }
    .field {
      display: grid;
      gap: 4px;
      align-content: start;
    }
    .buttons {
      grid-column: 1 / -1;
      display: flex;
      gap: 8px;
    }
    vitrine-chat {
      block-size: 520px;
    }
    .creators {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .creators th,
    .creators td {
      padding: 6px 4px;
      border-block-end: 1px solid var(--_line);
      text-align: start;
    }
    .creators td {
      text-align: end;
    }
    @media (prefers-reduced-motion: no-preference) {
      button {
        transition: background-color 0.15s;
      }
    }
  `,
];
