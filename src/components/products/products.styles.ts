import { css, unsafeCSS } from 'lit';
import { hostResetCss } from '../host.styles.js';
import { PRODUCTS_HEIGHT } from './layout.js';

/** A visually hidden text that screen readers still read. */
export const srOnlyCss = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** The public colour properties as the private ones the carousel and the overlay use. */
export const commerceThemeCss = css`
  :host {
    --_fg: var(--vitrine-text-color, #111);
    --_muted: var(--vitrine-muted-color, #5b5b66);
    --_border: var(--vitrine-card-border-color, rgb(0 0 0 / 0.12));
    --_accent: var(--vitrine-accent, #e11d48);
    --_focus: var(--_focus);
    color: var(--_fg);
  }
  /* Line icons (chevrons, close). */
  svg.icon {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;

export const productsStyles = [
  unsafeCSS(hostResetCss),
  srOnlyCss,
  commerceThemeCss,
  css`
    :host {
      --_card: var(--vitrine-card-background, #fff);
      --_radius: var(--vitrine-card-radius, 10px);
      --_image: var(--vitrine-product-image-size, 80px);
      --_gap: 10px;
      position: relative;
      height: ${unsafeCSS(PRODUCTS_HEIGHT)};
      background: var(--vitrine-products-background, transparent);
    }

    .list {
      display: flex;
      gap: var(--_gap);
      height: 100%;
      margin: 0;
      padding: var(--_gap);
      list-style: none;
      overflow-x: auto;
      overflow-y: hidden;
      overscroll-behavior-x: contain;
      scroll-snap-type: x mandatory;
      scroll-padding-inline: var(--_gap);
      scrollbar-width: none;
      -webkit-overflow-scrolling: touch;
    }
    .list::-webkit-scrollbar {
      display: none;
    }

    .item {
      flex: 0 0 var(--vitrine-product-card-width, 248px);
      max-width: calc(100% - 3 * var(--_gap));
      height: 100%;
      scroll-snap-align: start;
      /* 200 cards: only those near the viewport are laid out and painted. */
      content-visibility: auto;
      contain-intrinsic-size: auto var(--vitrine-product-card-width, 248px) auto 100px;
    }

    .card {
      display: flex;
      align-items: stretch;
      gap: 10px;
      width: 100%;
      height: 100%;
      margin: 0;
      padding: 8px;
      text-align: start;
      background: var(--_card);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      cursor: pointer;
      overflow: hidden;
      transition: border-color 120ms ease, transform 120ms ease;
    }
    .card:hover {
      border-color: color-mix(in srgb, var(--_accent) 55%, var(--_border));
    }
    .card:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
    }
    .card.live {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .card.sold-out .media img {
      opacity: 0.55;
    }

    .media {
      position: relative;
      flex: 0 0 auto;
      align-self: center;
      width: var(--_image);
      height: min(var(--_image), 100%);
      border-radius: calc(var(--_radius) - 4px);
      overflow: hidden;
      background: rgb(127 127 127 / 0.15);
    }
    .media img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }

    .body {
      display: flex;
      flex-direction: column;
      gap: 3px;
      min-width: 0;
      flex: 1 1 auto;
    }
    .title {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      font-weight: 600;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .price {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 6px;
      font-variant-numeric: tabular-nums;
    }
    .now {
      font-weight: 700;
    }
    .sale .now {
      color: var(--_accent);
    }
    .was {
      color: var(--_muted);
      font-size: 0.9em;
    }
    /* One row of badges: those that do not fit wrap out of sight (the first ones matter most). */
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: auto;
      overflow: hidden;
      font-size: 0.78em;
      line-height: 1.6;
      max-height: 1.6em;
    }
    .badge {
      padding: 0 6px;
      border-radius: 999px;
      font-weight: 600;
      white-space: nowrap;
      background: rgb(127 127 127 / 0.16);
    }
    .badge.live {
      color: #fff;
      background: var(--_accent);
    }
    .badge.live::before {
      content: '';
      display: inline-block;
      width: 6px;
      height: 6px;
      margin-inline-end: 4px;
      border-radius: 50%;
      background: currentColor;
      vertical-align: 1px;
      animation: vitrine-pulse 1.4s ease-in-out infinite;
    }
    .badge.discount {
      color: #fff;
      background: var(--_accent);
    }
    .badge.sold-out {
      color: var(--_fg);
      background: rgb(127 127 127 / 0.3);
    }
    .badge.low {
      color: #92400e;
      background: #fef3c7;
    }

    .scroll {
      position: absolute;
      inset-block-start: 50%;
      z-index: 1;
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      margin: 0;
      padding: 0;
      transform: translateY(-50%);
      border: 1px solid var(--_border);
      border-radius: 50%;
      color: #111;
      background: rgb(255 255 255 / 0.92);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
      cursor: pointer;
    }
    .scroll[hidden] {
      display: none;
    }
    .scroll.back {
      inset-inline-start: 4px;
    }
    .scroll.forward {
      inset-inline-end: 4px;
    }
    :host(:dir(rtl)) .scroll svg {
      transform: scaleX(-1);
    }
    /* Touch screens scroll by swiping; the buttons are for mice. */
    @media (hover: none) {
      .scroll {
        display: none;
      }
    }

    .skeleton .card {
      cursor: default;
    }
    .skeleton .media,
    .skeleton .line {
      background: linear-gradient(90deg, rgb(127 127 127 / 0.14) 25%, rgb(127 127 127 / 0.26) 50%, rgb(127 127 127 / 0.14) 75%);
      background-size: 300% 100%;
      animation: vitrine-shimmer 1.4s linear infinite;
    }
    .skeleton .line {
      height: 0.9em;
      border-radius: 4px;
    }
    .skeleton .line.short {
      width: 45%;
    }

    .message {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 12px;
      height: 100%;
      margin: 0;
      padding: var(--_gap);
      text-align: center;
      color: var(--_muted);
    }
    .message button {
      min-height: 40px;
      padding: 0 16px;
      border: 1px solid currentColor;
      border-radius: 999px;
      color: var(--_fg);
      background: transparent;
      cursor: pointer;
    }
    .message button:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    @keyframes vitrine-shimmer {
      from {
        background-position: 100% 0;
      }
      to {
        background-position: -200% 0;
      }
    }
    @keyframes vitrine-pulse {
      50% {
        opacity: 0.35;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .card,
      .skeleton .media,
      .skeleton .line,
      .badge.live::before {
        transition: none;
        animation: none;
      }
    }
  `,
];
