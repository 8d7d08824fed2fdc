import { css, unsafeCSS } from 'lit';
import { hostResetCss } from '../host.styles.js';
import { commerceThemeCss, srOnlyCss } from '../products/products.styles.js';

export const overlayStyles = [
  unsafeCSS(hostResetCss),
  srOnlyCss,
  commerceThemeCss,
  css`
    :host {
      --_bg: var(--vitrine-overlay-background, #fff);
      --_radius: var(--vitrine-radius, 12px);
    }
    /* Inside a widget: a layer over the video (which keeps playing) that exists only while open. */
    :host(:not([modal])) {
      position: absolute;
      inset: 0;
      z-index: 10;
      container-type: inline-size;
    }
    :host(:not([modal]):not([open])) {
      display: none;
    }
    :host([modal]) {
      display: contents;
    }

    dialog {
      margin: 0;
      padding: 0;
      border: 0;
      color: inherit;
      background: transparent;
      max-width: none;
      max-height: none;
    }
    dialog:not([open]) {
      display: none;
    }
    /* Inside a widget: the video stays visible (dimmed) beside or above the panel. */
    dialog.inline {
      position: absolute;
      inset: 0;
      display: flex;
      justify-content: flex-end;
      align-items: stretch;
      width: 100%;
      height: 100%;
      background: rgb(0 0 0 / 0.35);
    }
    dialog.modal {
      width: min(460px, calc(100vw - 24px));
      max-height: min(92vh, 760px);
      margin: auto;
      border-radius: var(--_radius);
      overflow: hidden;
      box-shadow: 0 24px 64px rgb(0 0 0 / 0.35);
    }
    dialog.modal::backdrop {
      background: rgb(0 0 0 / 0.45);
    }

    .panel {
      display: flex;
      flex-direction: column;
      gap: 12px;
      width: min(400px, 100%);
      height: 100%;
      padding: 14px 16px 0;
      overflow-y: auto;
      overscroll-behavior: contain;
      background: var(--_bg);
      animation: vitrine-slide-in 180ms ease-out;
    }
    dialog.modal .panel {
      width: 100%;
      max-height: min(92vh, 760px);
      animation-name: vitrine-fade-in;
    }
    /* A narrow widget: a sheet over the whole video rather than a side panel. */
    @container (max-width: 520px) {
      dialog.inline .panel {
        width: 100%;
      }
    }
    /* A phone: the page-modal dialog is a bottom sheet, low enough that the video above it stays in view. */
    @media (max-width: 600px) {
      dialog.modal {
        width: 100vw;
        max-height: 72vh;
        margin: auto 0 0;
        border-radius: var(--_radius) var(--_radius) 0 0;
      }
      dialog.modal .panel {
        max-height: 72vh;
      }
    }

    header {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    h2 {
      flex: 1 1 auto;
      margin: 0;
      font-size: 1.15em;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .brand {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }

    button {
      cursor: pointer;
    }
    button:focus-visible,
    a:focus-visible,
    input:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .close {
      display: grid;
      place-items: center;
      flex: 0 0 auto;
      width: 40px;
      height: 40px;
      margin-block-start: -6px;
      margin-inline-end: -8px;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: transparent;
    }
    .close:hover {
      background: rgb(127 127 127 / 0.15);
    }

    .gallery {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .main-image {
      display: block;
      width: 100%;
      height: 220px;
      object-fit: contain;
      border-radius: calc(var(--_radius) - 4px);
      background: rgb(127 127 127 / 0.1);
    }
    .thumbs {
      display: flex;
      gap: 6px;
      overflow-x: auto;
      scrollbar-width: thin;
      padding: 3px;
    }
    .thumb {
      flex: 0 0 auto;
      width: 48px;
      height: 48px;
      padding: 0;
      border: 2px solid transparent;
      border-radius: 8px;
      overflow: hidden;
      background: rgb(127 127 127 / 0.1);
    }
    .thumb[aria-pressed='true'] {
      border-color: var(--_fg);
    }
    .thumb img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }

    .price {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
      margin: 0;
      font-size: 1.15em;
      font-variant-numeric: tabular-nums;
    }
    .price .now {
      font-weight: 700;
    }
    .price.sale .now {
      color: var(--_accent);
    }
    .price .was {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .price .discount {
      padding: 0 6px;
      border-radius: 999px;
      font-size: 0.75em;
      font-weight: 600;
      color: #fff;
      background: var(--_accent);
    }
    .offer-note {
      margin: -8px 0 0;
      color: var(--_muted);
      font-size: 0.85em;
    }

    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 6px;
      font-weight: 600;
    }
    legend .chosen {
      font-weight: 400;
      color: var(--_muted);
    }
    .values {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .value {
      position: relative;
    }
    .value input {
      position: absolute;
      inset: 0;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    .value > span {
      display: grid;
      place-items: center;
      min-width: 44px;
      min-height: 40px;
      padding: 0 12px;
      border: 1px solid var(--_border);
      border-radius: 8px;
      overflow-wrap: anywhere;
    }
    .value input:checked + span {
      border-color: var(--_fg);
      box-shadow: inset 0 0 0 1px var(--_fg);
      font-weight: 600;
    }
    .value input:focus-visible + span {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .value input:disabled {
      cursor: not-allowed;
    }
    .value input:disabled + span {
      color: var(--_muted);
      text-decoration: line-through;
      background: repeating-linear-gradient(135deg, transparent 0 6px, rgb(127 127 127 / 0.12) 6px 7px);
    }

    .stock {
      min-height: 1.4em;
      margin: 0;
      font-size: 0.92em;
      color: var(--_muted);
    }
    .stock.low {
      color: #b45309;
      font-weight: 600;
    }

    .actions {
      position: sticky;
      bottom: 0;
      display: flex;
      flex-direction: column;
      gap: 10px;
      margin: auto -16px 0;
      padding: 10px 16px 14px;
      background: var(--_bg);
      border-top: 1px solid var(--_border);
    }
    .row {
      display: flex;
      gap: 10px;
    }
    .quantity {
      display: flex;
      align-items: center;
      border: 1px solid var(--_border);
      border-radius: 999px;
    }
    .quantity button {
      display: grid;
      place-items: center;
      width: 40px;
      height: 44px;
      padding: 0;
      border: 0;
      border-radius: 999px;
      background: transparent;
      font-size: 1.2em;
    }
    .quantity button[aria-disabled='true'] {
      opacity: 0.35;
      cursor: not-allowed;
    }
    .quantity input {
      width: 3ch;
      padding: 0;
      border: 0;
      text-align: center;
      font: inherit;
      color: inherit;
      background: transparent;
      -moz-appearance: textfield;
      appearance: textfield;
    }
    .quantity input::-webkit-inner-spin-button,
    .quantity input::-webkit-outer-spin-button {
      -webkit-appearance: none;
      margin: 0;
    }
    .add {
      flex: 1 1 auto;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      min-height: 46px;
      padding: 0 18px;
      border: 0;
      border-radius: 999px;
      font-weight: 700;
      color: #fff;
      background: var(--_accent);
    }
    .add[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .add[aria-busy='true'] {
      cursor: progress;
      opacity: 0.85;
    }
    .spinner {
      width: 16px;
      height: 16px;
      border: 2px solid rgb(255 255 255 / 0.4);
      border-top-color: #fff;
      border-radius: 50%;
      animation: vitrine-spin 700ms linear infinite;
    }

    .result {
      margin: 0;
      padding: 10px 12px;
      border-radius: 8px;
    }
    .result:empty {
      display: none;
    }
    .result.added {
      background: #ecfdf5;
      color: #065f46;
    }
    .result.partial {
      background: #fffbeb;
      color: #92400e;
    }
    .result.failed {
      background: #fef2f2;
      color: #991b1b;
    }
    .result p {
      margin: 0;
    }
    .handoff {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
    .handoff button {
      min-height: 40px;
      padding: 0 14px;
      border: 1px solid currentColor;
      border-radius: 999px;
      background: transparent;
      font-weight: 600;
    }
    .handoff .checkout {
      color: #fff;
      border-color: #111;
      background: #111;
    }

    .about {
      border-block: 1px solid var(--_border);
    }
    .about summary {
      display: flex;
      align-items: center;
      min-height: 44px;
      font-weight: 600;
      cursor: pointer;
    }
    .about summary:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .about .description {
      padding-block-end: 12px;
    }
    .description {
      color: var(--_fg);
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    .description img {
      max-width: 100%;
      height: auto;
    }
    .description :is(p, ul, ol) {
      margin: 0 0 0.6em;
    }
    .details {
      align-self: flex-start;
      display: inline-flex;
      align-items: center;
      min-height: 40px;
      color: inherit;
      font-weight: 600;
    }
    .details:last-child {
      margin-bottom: 14px;
    }

    @keyframes vitrine-slide-in {
      from {
        transform: translateX(24px);
        opacity: 0;
      }
    }
    :host(:dir(rtl)) dialog.inline .panel {
      animation-name: vitrine-slide-in-rtl;
    }
    @keyframes vitrine-slide-in-rtl {
      from {
        transform: translateX(-24px);
        opacity: 0;
      }
    }
    @keyframes vitrine-fade-in {
      from {
        transform: translateY(12px);
        opacity: 0;
      }
    }
    @keyframes vitrine-spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .panel {
        animation: none;
      }
      .spinner {
        animation-duration: 2s;
      }
    }
  `,
];
