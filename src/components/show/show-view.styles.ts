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
`;
