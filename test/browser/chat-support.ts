// Browser-side helpers for <vitrine-chat> tests: talk to the live-server plugin, read the chat.
import { executeServerCommand } from '@web/test-runner-commands';
import type { LiveCommand } from '../support/wtr-live.js';
import type { VitrineChat } from '../../src/components/chat/chat.js';

export interface StartedServer {
  readonly id: number;
  readonly url: string;
  readonly proxyUrl: string;
}

export function live<T = unknown>(command: LiveCommand): Promise<T> {
  return executeServerCommand<T, LiveCommand>('live', command);
}

let counter = 0;
/** A show id of its own for each test. */
export function freshShow(prefix = 'chat'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export const root = (chat: VitrineChat): ShadowRoot => chat.shadowRoot!;
export const messageItems = (chat: VitrineChat): HTMLElement[] => [...root(chat).querySelectorAll<HTMLElement>('[part~="message"]')];
export const messageTexts = (chat: VitrineChat): string[] => messageItems(chat).map((li) => li.querySelector('[part="text"]')!.textContent ?? '');
export const statusText = (chat: VitrineChat): string => root(chat).querySelector('[part="status"]')?.textContent?.trim() ?? '';

/** Types into the message field and submits the form, as a shopper would. */
export async function type(chat: VitrineChat, text: string): Promise<void> {
  const input = root(chat).querySelector<HTMLInputElement>('[part="input"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await chat.updateComplete;
  root(chat).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
  await chat.updateComplete;
}

/** Starts every test with a known anonymous identity (or none). */
export function resetIdentity(name: string | null): void {
  localStorage.removeItem('vitrine:viewer');
  if (name === null) localStorage.removeItem('vitrine:name');
  else localStorage.setItem('vitrine:name', name);
}
