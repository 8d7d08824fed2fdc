import { css } from 'lit';

/** Layout of the loaded widget; it fills exactly the box the facade reserved. */
export const showViewStyles = css`
  .frame {
    position: absolute;
    inset: 0;
  }
  vitrine-player {
    width: 100%;
    height: 100%;
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
