import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { VERSION } from '../../version.js';
import { createPlayerStore, type PlayerStore } from '../../stores/player.js';

/**
 * HLS video player (placeholder: replaced by the full player).
 * @tag vitrine-player
 */
export class VitrinePlayer extends LitElement {
  static readonly version = VERSION;
  static override styles = css`:host{display:block} video{width:100%;height:100%}`;

  /** HLS manifest URL. */
  @property() src = '';
  /** Poster image URL. */
  @property() poster = '';
  /** Start muted as soon as possible. */
  @property({ type: Boolean }) autoplay = false;
  /** Start muted. */
  @property({ type: Boolean }) muted = false;
  /** Accessible name of the player. */
  @property() label = '';
  /** Locale for the player's text. */
  @property() locale = '';
  /** The store bag this player writes to. */
  @property({ attribute: false }) store: PlayerStore = createPlayerStore();

  async play(): Promise<void> {
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    const { default: Hls } = await import('hls.js');
    const hls = new Hls();
    hls.loadSource(this.src);
    hls.attachMedia(video);
    await video.play();
  }

  override render() {
    return html`<video playsinline ?muted=${this.muted}></video>`;
  }
}
