import { VitrineStudio } from '../components/studio/studio.js';
import { defineElement } from './define.js';

defineElement('vitrine-studio', VitrineStudio);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-studio': VitrineStudio;
  }
}
