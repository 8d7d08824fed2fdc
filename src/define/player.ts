import { VitrinePlayer } from '../components/player/player.js';
import { defineElement } from './define.js';

defineElement('vitrine-player', VitrinePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-player': VitrinePlayer;
  }
}
