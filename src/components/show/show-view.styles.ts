import { css } from 'lit';

/**
 * The loaded widget's look. Its boxes (stage, panel, strip, chat) come from show.styles.ts,
 * shared with the facade, so it fills exactly the box the facade reserved.
 */
export const showViewStyles = css`
  vitrine-player {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .vertical vitrine-player {
    --vitrine-video-fit: cover;
  }

  /* The carousel, dark like the video frame; ::part(products) can restyle it. */
  vitrine-products {
    --vitrine-text-color: #f5f5f7;
    --vitrine-muted-color: rgb(255 255 255 / 0.62);
    --vitrine-card-background: rgb(255 255 255 / 0.07);
    --vitrine-card-border-color: rgb(255 255 255 / 0.14);
    --vitrine-focus-color: #fff;
  }

  /* In the panel the chat is part of the frame: square corners, no minimum height of its own. */
  .chat {
    --vitrine-radius: 0;
  }
  .inline .chat {
    border-block-start: 1px solid rgb(255 255 255 / 0.12);
  }
  /* Over the video: no box of its own, the panel's scrim and a text shadow keep it readable. */
  .vertical .chat {
    --vitrine-chat-background: transparent;
    --vitrine-chat-border-color: rgb(255 255 255 / 0.28);
  }
  .vertical .chat::part(base) {
    backdrop-filter: none;
  }
  /* The big play button moves up out of the way of the chat (it starts below the middle) and a pinned product. */
  .vertical vitrine-player::part(play-button) {
    translate: 0 -34cqi;
  }
  .vertical .chat::part(messages),
  .vertical .chat::part(header),
  .vertical .strip::part(card) {
    text-shadow: 0 1px 2px rgb(0 0 0 / 0.85);
  }

  /*
   * The widget's own buttons over the video. inline: a row at the top inline end (the player's
   * unmute button moves aside for it); vertical: a rail at the inline end, just above the panel.
   */
  .actions {
    position: absolute;
    z-index: 2;
    display: flex;
    gap: 8px;
    inset-block-start: 8px;
    inset-inline-end: 8px;
  }
  .with-cart vitrine-player::part(unmute-button) {
    margin-inline-end: 48px;
  }
  .vertical .actions {
    flex-direction: column;
    inset-block-start: auto;
    inset-block-end: calc(var(--vitrine-controls-height, 56px) + 8px);
  }
  .vertical.with-products .actions {
    inset-block-end: calc(var(--vitrine-controls-height, 56px) + var(--vitrine-products-height, 124px) + 14px);
  }

  .cart,
  .chat-toggle {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: #fff;
    background: rgb(0 0 0 / 0.5);
    cursor: pointer;
    backdrop-filter: blur(4px);
  }
  .cart:hover,
  .chat-toggle:hover {
    background: rgb(0 0 0 / 0.7);
  }
  .chat-toggle[aria-pressed='true'] {
    background: var(--vitrine-accent, #e11d48);
  }
  .cart:focus-visible,
  .chat-toggle:focus-visible {
    outline: 3px solid #fff;
    outline-offset: 2px;
  }
  .cart svg {
    inline-size: 22px;
    block-size: 22px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
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
  /* vertical: the pinned product sits just above the chat and products that cover the video's foot. */
  .vertical .pinned {
    --_panel: 0px;
    inset-block-end: calc(var(--vitrine-controls-height, 56px) + var(--_panel) + 8px);
  }
  .vertical.with-products .pinned {
    --_panel: calc(var(--vitrine-products-height, 124px) + 6px);
  }
  .vertical.with-chat .pinned {
    --_panel: 40cqi;
  }
  .vertical.with-products.with-chat .pinned {
    --_panel: calc(var(--vitrine-products-height, 124px) + 6px + 40cqi);
  }
  /* The offer banner goes under the player's top row (LIVE badge, unmute), never over it. */
  .stage .offer {
    inset-block-start: 56px;
  }
  /*
   * A narrow inline video (under 600 px: 16:9 is under 340 px tall) has no room for the top row,
   * the banner, the pinned card and the controls at once: while an offer is on screen the banner
   * (it has its own buy button) stands in for the pinned card.
   */
  @container vitrine-show (max-width: 599px) {
    .inline .stage:has(.offer) .pinned {
      display: none;
    }
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
  .chat-toggle svg {
    inline-size: 20px;
    block-size: 20px;
    fill: currentColor;
  }
  /* The item count sits inside the button's own box, so no neighbour can cover it. */
  .cart .count {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    min-inline-size: 18px;
    block-size: 18px;
    padding-inline: 4px;
    border-radius: 999px;
    font-size: 11px;
    font-weight: 700;
    line-height: 18px;
    text-align: center;
    background: var(--vitrine-accent, #e11d48);
    box-shadow: 0 0 0 2px rgb(0 0 0 / 0.5);
  }
`;
