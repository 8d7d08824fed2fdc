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

  .cart {
    position: absolute;
    inset-block-start: 10px;
    inset-inline-end: 10px;
    z-index: 2;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    color: #fff;
    background: rgb(0 0 0 / 0.5);
    cursor: pointer;
    backdrop-filter: blur(4px);
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
`;
