import { VitrineChat } from '../components/chat/chat.js';
import { defineElement } from './define.js';

defineElement('vitrine-chat', VitrineChat);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-chat': VitrineChat;
  }
}
