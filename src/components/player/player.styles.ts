import { css, unsafeCSS } from 'lit';
import { hostResetCss } from '../host.styles.js';

/**
 * Every size here is in px and every text property is set, so a shop theme's fonts, line heights
 * and letter spacing (which cross the shadow boundary) change nothing.
 */
export const playerStyles = [
  unsafeCSS(hostResetCss),
  css`
    :host {
      position: relative;
      aspect-ratio: 16 / 9;
      overflow: hidden;
      color: var(--vitrine-controls-color, #fff);
      background: var(--vitrine-video-background, #000);
      --_accent: var(--vitrine-accent, #e11d48);
      --_size: var(--vitrine-control-size, 44px);
      --_focus: var(--vitrine-focus-color, #fff);
    }
    .base {
      position: absolute;
      inset: 0;
      overflow: hidden;
      container-type: inline-size;
      outline: none;
      user-select: none;
      -webkit-user-select: none;
      font-size: 14px;
      line-height: 20px;
      letter-spacing: normal;
      text-transform: none;
    }
    .base:focus-visible {
      box-shadow: inset 0 0 0 3px var(--_focus);
    }
    .base.inactive {
      cursor: none;
    }
    video {
      position: absolute;
      inset: 0;
      display: block;
      width: 100%;
      height: 100%;
      object-fit: var(--vitrine-video-fit, contain);
      background: transparent;
    }
    /* Subtitles move up above the control bar while it is shown (WebKit and Blink). */
    video::-webkit-media-text-track-container {
      transition: transform 200ms ease;
    }
    .with-controls video::-webkit-media-text-track-container {
      transform: translateY(-56px);
    }
    .with-controls.with-seek video::-webkit-media-text-track-container {
      transform: translateY(-92px);
    }
    .surface {
      position: absolute;
      inset: 0;
      cursor: pointer;
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      min-width: var(--_size);
      height: var(--_size);
      margin: 0;
      padding: 0;
      border: 0;
      border-radius: 8px;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    button svg {
      width: 24px;
      height: 24px;
      fill: currentColor;
      flex: none;
    }
    /* Subtitles are on: a bar under the icon. */
    button.on {
      position: relative;
    }
    button.on::after {
      content: '';
      position: absolute;
      inset-inline: 12px;
      inset-block-end: 8px;
      height: 3px;
      border-radius: 2px;
      background: var(--_accent);
    }
    @media (hover: hover) {
      .controls button:hover,
      .menu button:hover {
        background: rgb(255 255 255 / 0.16);
      }
    }

    /* Top row: LIVE badge and the unmute button. */
    .top {
      position: absolute;
      inset-block-start: 10px;
      inset-inline: 10px;
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 8px;
      pointer-events: none;
    }
    .top > * {
      pointer-events: auto;
    }
    .live {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 28px;
      padding: 0 10px;
      border-radius: 6px;
      background: var(--vitrine-live-color, var(--_accent));
      color: #fff;
      font-size: 12px;
      font-weight: 700;
      letter-spacing: 0.06em;
      text-transform: uppercase;
    }
    .live::before {
      content: '';
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
    }
    button.live {
      min-width: 0;
      height: 40px;
      border-radius: 20px;
      padding: 0 14px;
      background: rgb(0 0 0 / 0.65);
      letter-spacing: normal;
      text-transform: none;
      font-size: 13px;
    }
    button.live::before {
      background: rgb(255 255 255 / 0.6);
    }
    .unmute {
      height: 40px;
      padding: 0 14px 0 10px;
      border-radius: 20px;
      background: rgb(0 0 0 / 0.7);
      font-size: 14px;
      font-weight: 600;
      margin-inline-start: auto;
    }

    /* Centre: the big play button, the spinner and state messages. */
    .center {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 10px;
      padding: 16px;
      text-align: center;
      pointer-events: none;
    }
    .center > * {
      pointer-events: auto;
    }
    .center.dim {
      background: rgb(0 0 0 / 0.7);
    }
    .big {
      width: 72px;
      height: 72px;
      border-radius: 50%;
      background: var(--_accent);
      color: #fff;
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.35);
      transition: transform 120ms ease;
    }
    .big svg {
      width: 32px;
      height: 32px;
    }
    @media (hover: hover) {
      .big:hover {
        transform: scale(1.06);
      }
    }
    .big:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 3px;
    }
    .message {
      margin: 0;
      font-size: 16px;
      line-height: 22px;
      font-weight: 600;
      text-shadow: 0 1px 2px rgb(0 0 0 / 0.6);
    }
    .hint {
      margin: 0;
      font-size: 13px;
      line-height: 18px;
      opacity: 0.85;
    }
    .retry {
      height: 40px;
      padding: 0 16px;
      border: 1px solid currentColor;
      border-radius: 20px;
      font-weight: 600;
    }
    .spinner {
      width: 44px;
      height: 44px;
      border: 4px solid rgb(255 255 255 / 0.3);
      border-block-start-color: #fff;
      border-radius: 50%;
      animation: spin 900ms linear infinite;
    }
    .pulse {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--_accent);
      animation: pulse 1.6s ease-in-out infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.3;
      }
    }

    /* Bottom: the control bar. */
    .controls {
      position: absolute;
      inset-inline: 0;
      inset-block-end: 0;
      padding: 16px 6px 4px;
      background: var(--vitrine-controls-background, linear-gradient(transparent, rgb(0 0 0 / 0.72)));
      transition: opacity 200ms ease;
    }
    .inactive .controls,
    .inactive .top .live:not(span) {
      opacity: 0;
      pointer-events: none;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 2px;
    }
    .spacer {
      flex: 1;
    }
    .time {
      padding-inline: 8px;
      font-size: 13px;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    input[type='range'] {
      margin: 0;
      height: 40px;
      accent-color: var(--_accent);
      cursor: pointer;
      background: transparent;
    }
    .seek {
      display: block;
      width: calc(100% - 16px);
      margin: 0 8px -8px;
    }
    .volume {
      width: 84px;
    }
    @container (max-width: 420px) {
      .volume,
      .time-total {
        display: none;
      }
    }
    @media (pointer: coarse) {
      .volume {
        display: none;
      }
    }

    /* Captions and quality menus. */
    .menu {
      position: absolute;
      inset-inline-end: 8px;
      inset-block-end: calc(100% - 20px);
      display: grid;
      min-width: 168px;
      max-height: 240px;
      overflow: auto;
      padding: 6px;
      border-radius: 10px;
      background: var(--vitrine-menu-background, rgb(18 18 22 / 0.94));
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.4);
    }
    .menu button {
      justify-content: flex-start;
      position: relative;
      height: 40px;
      padding-inline: 32px 12px;
      border-radius: 6px;
      text-align: start;
    }
    .menu button[aria-checked='true']::before {
      content: '';
      position: absolute;
      inset-inline-start: 12px;
      inset-block-start: 16px;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_accent);
    }

    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    @media (prefers-reduced-motion: reduce) {
      .controls,
      .big,
      video::-webkit-media-text-track-container {
        transition: none;
      }
      .spinner,
      .pulse {
        animation: none;
      }
    }
  `,
];
