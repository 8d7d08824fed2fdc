import { VitrineShow } from '../components/show/show.js';
import { defineElement } from './define.js';

defineElement('vitrine-show', VitrineShow);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-show': VitrineShow;
  }
}
