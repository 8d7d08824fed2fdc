import { css } from 'lit';

export const chatStyles = css`
  :host {
    --_accent: var(--vitrine-accent, #e11d48);
    --_bg: var(--vitrine-chat-background, #fff);
    --_fg: var(--vitrine-chat-text-color, #111);
    --_muted: var(--vitrine-chat-muted-color, #6b7280);
    --_line: var(--vitrine-chat-border-color, rgb(0 0 0 / 0.12));
    --_question: var(--vitrine-chat-question-color, #d97706);
    --_host: var(--vitrine-chat-host-color, var(--_accent));
    display: block;
    min-block-size: 240px;
    block-size: 100%;
    color: var(--_fg);
  }
  :host([overlay]) {
    --_bg: var(--vitrine-chat-background, rgb(0 0 0 / 0.42));
    --_fg: var(--vitrine-chat-text-color, #fff);
    --_muted: var(--vitrine-chat-muted-color, rgb(255 255 255 / 0.78));
    --_line: var(--vitrine-chat-border-color, rgb(255 255 255 / 0.22));
    --_question: var(--vitrine-chat-question-color, #f59e0b);
    --_host: var(--vitrine-chat-host-color, #fb7185);
    text-shadow: 0 1px 2px rgb(0 0 0 / 0.5);
  }
  :host([overlay]) .chat {
    backdrop-filter: blur(6px);
  }
  .chat {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: inherit;
    background: var(--_bg);
    border-radius: var(--vitrine-radius, 12px);
    overflow: hidden;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    border: 0;
    background: none;
    cursor: pointer;
    padding: 0;
  }
  button:focus-visible,
  .field:focus-visible,
  .messages:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
    flex: none;
  }

  .header {
    display: flex;
    align-items: center;
    gap: 10px;
    min-block-size: 40px;
    padding-inline: 12px;
    font-size: 0.9em;
    color: var(--_muted);
    border-block-end: 1px solid var(--_line);
  }
  .viewers {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-variant-numeric: tabular-nums;
  }
  .viewers svg {
    inline-size: 16px;
    block-size: 16px;
  }
  .status {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .body {
    position: relative;
    flex: 1;
    min-block-size: 0;
  }
  .messages {
    position: absolute;
    inset: 0;
    margin: 0;
    padding: 8px 12px;
    list-style: none;
    overflow-y: auto;
    overscroll-behavior: contain;
    overflow-anchor: none;
  }
  .message {
    position: relative;
    padding-block: 3px;
    padding-inline: 6px;
    margin-inline: -6px;
    border-radius: 6px;
    overflow-wrap: anywhere;
    /* Off-screen messages skip layout and paint; their size is remembered once measured. */
    content-visibility: auto;
    contain-intrinsic-size: auto 24px;
  }
  .author {
    font-weight: 600;
    margin-inline-end: 6px;
  }
  .staff .author {
    color: var(--_host);
  }
  .staff {
    background: color-mix(in srgb, var(--_host) 10%, transparent);
  }
  .question {
    border-inline-start: 3px solid var(--_question);
    padding-inline-start: 8px;
  }
  .badge {
    display: inline-block;
    margin-inline-end: 6px;
    padding: 0 6px;
    border-radius: 4px;
    font-size: 0.78em;
    font-weight: 700;
    line-height: 1.5;
    text-transform: uppercase;
    letter-spacing: 0.02em;
    color: #fff;
    vertical-align: 1px;
  }
  .role {
    background: var(--_host);
  }
  .question-badge {
    background: var(--_question);
  }
  .pending .text {
    opacity: 0.6;
  }
  .state {
    display: block;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .failed-state {
    color: #b91c1c;
  }
  .link {
    min-block-size: 32px;
    margin-inline-start: 6px;
    color: inherit;
    text-decoration: underline;
    font-weight: 600;
  }
  .empty {
    color: var(--_muted);
    padding-block: 12px;
  }
  @media (pointer: coarse) {
    .link {
      min-inline-size: 40px;
      min-block-size: 40px;
    }
  }
  .icon {
    display: inline-grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    border-radius: 50%;
    color: inherit;
  }

  .pill {
    position: absolute;
    inset-block-end: 10px;
    inset-inline-start: 50%;
    translate: -50% 0;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-block-size: 40px;
    padding-inline: 14px;
    border-radius: 20px;
    background: var(--_accent);
    color: #fff;
    font-weight: 600;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  }
  :host(:dir(rtl)) .pill {
    translate: 50% 0;
  }
  .pill svg {
    inline-size: 16px;
    block-size: 16px;
  }

  .hearts {
    position: absolute;
    inset-block-end: 0;
    inset-inline-end: 12px;
    inline-size: 56px;
    block-size: 70%;
    pointer-events: none;
    overflow: hidden;
  }
  .heart {
    position: absolute;
    inset-block-end: 0;
    inset-inline-start: 16px;
    color: var(--_accent);
    filter: hue-rotate(var(--vitrine-heart-hue, 0deg));
    opacity: 0;
    animation: vitrine-heart-float 2.4s ease-out both;
  }
  .heart svg {
    inline-size: 24px;
    block-size: 24px;
  }
  @keyframes vitrine-heart-float {
    0% {
      opacity: 0;
      transform: translate(0, 0) scale(0.6);
    }
    12% {
      opacity: 1;
      transform: translate(0, -12%) scale(1);
    }
    100% {
      opacity: 0;
      transform: translate(var(--vitrine-heart-drift, 0), -280%) scale(1.1);
    }
  }
  @keyframes vitrine-heart-fade {
    0%,
    100% {
      opacity: 0;
    }
    30% {
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .heart {
      animation: vitrine-heart-fade 1.2s linear both;
    }
  }

  .composer {
    margin: 0;
    padding: 8px;
    border-block-start: 1px solid var(--_line);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .field {
    flex: 1;
    min-inline-size: 0;
    min-block-size: 40px;
    padding-inline: 12px;
    border: 1px solid var(--_line);
    border-radius: 20px;
    background: transparent;
    color: inherit;
    font: inherit;
  }
  .field::placeholder {
    color: var(--_muted);
  }
  .counter {
    display: none;
    font-size: 0.8em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .counter.shown {
    display: inline;
  }
  .primary {
    background: var(--_accent);
    color: #fff;
  }
  .primary:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .name-form .primary {
    min-block-size: 40px;
    padding-inline: 14px;
    border-radius: 20px;
    font-weight: 600;
  }
  .toggle[aria-pressed='true'] {
    color: #fff;
    background: var(--_question);
  }
  .heart-button {
    color: var(--_accent);
  }
  .heart-button:active svg {
    transform: scale(0.85);
  }
  .name-label {
    display: block;
    margin-block-end: 6px;
    font-weight: 600;
  }
  .hint {
    margin: 0 0 6px;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .hint:empty {
    display: none;
  }
  .notice {
    margin: 0;
    color: var(--_muted);
    text-align: center;
  }
`;
