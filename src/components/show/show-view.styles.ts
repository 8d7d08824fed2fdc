import { css } from 'lit';

/** Layout of the loaded widget; it fills exactly the box the facade reserved (see show.styles.ts). */
export const showViewStyles = css`
  vitrine-player {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }

  /* The carousel under the video, dark like the video frame; ::part(products) can restyle it. */
  vitrine-products {
    --vitrine-text-color: #f5f5f7;
    --vitrine-muted-color: rgb(255 255 255 / 0.62);
    --vitrine-card-background: rgb(255 255 255 / 0.07);
    --vitrine-card-border-color: rgb(255 255 255 / 0.14);
    --vitrine-focus-color: #fff;
  }

  /* The cart button, top inline-end of the video; beside the chat toggle when the show has chat. */
  .cart {
    position: absolute;
    inset-block-start: 8px;
    inset-inline-end: 8px;
    z-index: 2;
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: #fff;
    background: rgb(0 0 0 / 0.5);
    cursor: pointer;
    backdrop-filter: blur(4px);
  }
  .chat-toggle ~ .cart {
    inset-inline-end: 56px;
  }
  .cart:hover {
    background: rgb(0 0 0 / 0.7);
  }
  .cart:focus-visible {
    outline: 3px solid #fff;
    outline-offset: 2px;
  }
  .cart svg {
    width: 22px;
    height: 22px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .cart .count {
    position: absolute;
    inset-block-start: -2px;
    inset-inline-end: -2px;
    min-width: 20px;
    height: 20px;
    padding: 0 5px;
    border-radius: 999px;
    font-size: 11px;
    font-weight: 700;
    line-height: 20px;
    text-align: center;
    background: var(--vitrine-accent, #e11d48);
  }

  /* The pinned product, bottom inline-start over the video, above the control bar. */
  .pinned {
    position: absolute;
    z-index: 1;
    inset-block-end: calc(var(--vitrine-controls-height, 56px) + 8px);
    inset-inline-start: 8px;
    max-inline-size: min(300px, calc(100% - 16px));
  }
  .pin-card {
    display: flex;
    gap: 10px;
    align-items: center;
    inline-size: 100%;
    min-block-size: 48px;
    padding: 6px 12px 6px 6px;
    border: 0;
    border-radius: 12px;
    font: inherit;
    font-size: 13px;
    line-height: 1.3;
    text-align: start;
    color: #111;
    background: rgb(255 255 255 / 0.94);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
    cursor: pointer;
    animation: vitrine-pin-in 0.25s ease-out;
  }
  .pin-card:focus-visible {
    outline: 3px solid var(--vitrine-accent, #e11d48);
    outline-offset: 2px;
  }
  .pin-card img {
    flex: none;
    inline-size: 48px;
    block-size: 48px;
    border-radius: 8px;
    object-fit: cover;
  }
  .pin-text {
    display: grid;
    min-inline-size: 0;
  }
  .pin-live {
    font-size: 11px;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--vitrine-accent, #e11d48);
  }
  .pin-title {
    overflow: hidden;
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .pin-price {
    font-variant-numeric: tabular-nums;
  }
  @keyframes vitrine-pin-in {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pin-card {
      animation: none;
    }
  }

  /* Live chat over the video: a side column on wide widgets; on narrow ones it covers the video when opened. */
  .frame {
    container-type: inline-size;
  }
  .chat {
    position: absolute;
    inset-block: 52px var(--vitrine-controls-height, 56px);
    inset-inline-end: 8px;
    inline-size: min(340px, 40%);
    min-block-size: 0;
    block-size: auto;
  }
  .chat-toggle {
    position: absolute;
    z-index: 1;
    inset-block-start: 8px;
    inset-inline-end: 8px;
    display: grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.45);
    color: #fff;
    cursor: pointer;
  }
  .chat-toggle[aria-pressed='true'] {
    background: var(--vitrine-accent, #e11d48);
  }
  .chat-toggle:focus-visible {
    outline: 3px solid #fff;
    outline-offset: 2px;
  }
  .chat-toggle svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
  }
  @container (max-width: 560px) {
    .chat {
      inset: 0;
      inline-size: auto;
      --vitrine-radius: 0;
    }
  }
`;
