import { adoptStyles, css, html, nothing, svg, type CSSResultOrNative, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { Translate } from '../../i18n/translate.js';
import type { LiveConnection } from '../../live/connection.js';
import { isStaff } from '../../live/protocol.js';
import type { ChatEntry } from '../../stores/live.js';
import type { ChatMessage } from '../../live/protocol.js';
import { pinIcon, questionIcon } from './icons.js';

// The chat's tools for hosts and moderators: delete, mute and ban buttons on messages, and the
// question queue. Staff-only (a `staff-*` chunk in the CDN build): <vitrine-chat> imports it the
// first time the signed-in person turns out to be staff, so shoppers never download it.

const trashIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9z"/></svg>`;
const muteIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 0 1 8 8h-8V4z"/></svg>`;
const banIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM4 12a8 8 0 0 1 12.9-6.3L5.7 16.9A8 8 0 0 1 4 12zm8 8a8 8 0 0 1-4.9-1.7L18.3 7.1A8 8 0 0 1 12 20z"/></svg>`;

type ChatText = Translate<MessageKey<'chat'>>;

/** Moderation buttons and the question queue (hosts and moderators only). */
export const moderationStyles = css`
  .questions-toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-block-size: 40px;
    padding-inline: 8px;
    color: var(--_fg);
  }
  .questions-toggle .count {
    min-inline-size: 20px;
    padding-inline: 6px;
    border-radius: 10px;
    background: var(--_question);
    color: #fff;
    font-weight: 600;
    text-align: center;
  }
  .mod {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    /* Hidden by opacity, not display: the buttons stay in the keyboard's tab order. */
    display: flex;
    opacity: 0;
    pointer-events: none;
    gap: 2px;
    background: var(--_bg);
    border-radius: 6px;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
  }
  .message:hover .mod,
  .message:focus-within .mod {
    opacity: 1;
    pointer-events: auto;
  }
  @media (pointer: coarse) {
    .mod {
      position: static;
      opacity: 1;
      pointer-events: auto;
      box-shadow: none;
      background: none;
    }
    .mod .icon {
      min-inline-size: 40px;
      min-block-size: 40px;
    }
  }
  .mod .icon {
    inline-size: 32px;
    block-size: 32px;
    color: var(--_muted);
  }
  .mod .icon:hover,
  .mod .armed {
    color: #b91c1c;
  }
  .mod .armed {
    background: color-mix(in srgb, #b91c1c 12%, transparent);
  }
  .queue {
    margin: 0;
    padding: 8px 12px;
    list-style: none;
    max-block-size: 40%;
    overflow-y: auto;
    border-block-end: 1px solid var(--_line);
    background: color-mix(in srgb, var(--_question) 8%, var(--_bg));
  }
  .queue li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding-block: 2px;
  }
`;


/** What the moderation tools need from the chat element. */
export interface ModerationHost extends ReactiveControllerHost, HTMLElement {
  readonly live: LiveConnection | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Moderation state and templates for one <vitrine-chat>. */
export class ChatModeration {
  /** The message whose ban button waits for a second click. */
  #armedBan: string | null = null;
  #showQuestions = false;

  constructor(readonly host: ModerationHost) {
    // The chat's own styles stay; these are added to its shadow root.
    const root = host.renderRoot;
    const own = (host.constructor as { elementStyles?: CSSResultOrNative[] }).elementStyles ?? [];
    if (root instanceof ShadowRoot) adoptStyles(root, [...own, moderationStyles]);
  }

  /** The "Questions (n)" toggle in the header. */
  toggle(t: ChatText, questions: readonly ChatMessage[]): TemplateResult {
    return html`<button type="button" class="questions-toggle" aria-expanded=${String(this.#showQuestions)} @click=${() => this.#set(() => (this.#showQuestions = !this.#showQuestions))}>
      ${questionIcon}<span>${t('questions')}</span><span class="count">${questions.length}</span>
    </button>`;
  }

  /** The question queue, when it is open. */
  queue(t: ChatText, questions: readonly ChatMessage[]): TemplateResult | typeof nothing {
    if (!this.#showQuestions) return nothing;
    return html`<ol class="queue" aria-label=${t('questions')}>
      ${questions.length === 0 ? html`<li class="empty">${t('noQuestions')}</li>` : nothing}
      ${repeat(
        questions,
        (q) => q.id,
        (q) => html`<li>
          <span class="line"><span class="author">${q.author.name}</span> <span class="text">${q.text}</span></span>
          <button type="button" class="link" @click=${() => this.host.live?.pinMessage(q.id)}>${t('answerByPinning')}</button>
          <button type="button" class="link" @click=${() => this.host.live?.dismissQuestion(q.id)}>${t('dismiss')}</button>
        </li>`,
      )}
    </ol>`;
  }

  /** Delete, mute and ban buttons of one message (ban asks for a second click). */
  buttons(t: ChatText, entry: ChatEntry): TemplateResult {
    const name = entry.author.name;
    const armed = this.#armedBan === entry.key;
    return html`<span class="mod">
      <button type="button" class="icon" aria-label=${t('pinMessage', { name })} title=${t('pinMessage', { name })} @click=${() => this.host.live?.pinMessage(entry.id)}>
        ${pinIcon}
      </button>
      <button type="button" class="icon" aria-label=${t('deleteMessage', { name })} title=${t('deleteMessage', { name })} @click=${() => this.#moderate(entry, 'delete')}>
        ${trashIcon}
      </button>
      ${isStaff(entry.author.role)
        ? nothing
        : html`<button type="button" class="icon" aria-label=${t('timeoutUser', { name })} title=${t('timeoutUser', { name })} @click=${() => this.#moderate(entry, 'timeout')}>
              ${muteIcon}
            </button>
            <button
              type="button"
              class=${classMap({ icon: true, armed })}
              aria-label=${armed ? t('confirmBan', { name }) : t('banUser', { name })}
              title=${armed ? t('confirmBan', { name }) : t('banUser', { name })}
              @click=${() => this.#moderate(entry, 'ban')}
              @blur=${() => armed && this.#set(() => (this.#armedBan = null))}
            >
              ${banIcon}
            </button>`}
    </span>`;
  }

  #set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  async #moderate(entry: ChatEntry, action: 'delete' | 'timeout' | 'ban'): Promise<void> {
    const live = this.host.live;
    if (!live || !entry.id) return;
    if (action === 'ban' && this.#armedBan !== entry.key) {
      this.#set(() => (this.#armedBan = entry.key));
      return;
    }
    this.#set(() => (this.#armedBan = null));
    if (action === 'delete') await live.deleteMessage(entry.id);
    else if (action === 'timeout') await live.timeout(entry.author.id, 300);
    else await live.ban(entry.author.id);
  }
}
