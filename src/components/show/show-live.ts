import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement } from '../../define/define.js';
import { nextTask } from '../../internal/tasks.js';
import { warn } from '../../internal/warn.js';
import { hasConsent } from '../../analytics/consent.js';
import { LiveConnection } from '../../live/connection.js';
import { browserStorage, memoryStorage, viewerIdentity, type ViewerIdentity } from '../../live/identity.js';
import { resetLiveStore } from '../../stores/live.js';
import { chatIcon } from '../chat/icons.js';
import type { ShowView } from './show-view.js';

/**
 * The live part of a <vitrine-show>: one LiveConnection per widget (opened when `live-server`
 * and `show` are set, closed when the widget leaves the page), handed to its <vitrine-chat>
 * and, through `connection`, to the other live features.
 */
export class ShowLive implements ReactiveController {
  /** The widget's live connection, or null without `live-server` and `show`. */
  connection: LiveConnection | null = null;
  #key = '';
  /** Shown or hidden by the shopper (the `vertical` layout's toggle); shown until they choose. */
  #open = true;
  #teardown = false;
  /** The viewer's identity while the shopper has not consented: kept in memory only. */
  #unstored: ViewerIdentity | undefined;

  constructor(private readonly view: ShowView) {
    view.addController(this);
  }

  hostConnected(): void {
    this.#teardown = false;
    this.#sync();
  }

  hostDisconnected(): void {
    // Deferred: moving the widget in the page must not drop the connection.
    this.#teardown = true;
    queueMicrotask(() => {
      if (this.#teardown) this.#close();
    });
  }

  hostUpdate(): void {
    this.#sync();
  }

  #sync(): void {
    const host = this.view.host;
    const server = host.getAttribute('live-server') ?? '';
    const show = host.getAttribute('show') ?? '';
    // No connection before the live part's turn, after the player and the carousel (ShowView's stage 2).
    const key = server && show && this.view.stage > 1 ? `${server}\u0000${show}` : '';
    const consent = hasConsent(host);
    if (consent && this.#unstored) {
      this.#unstored.keepIn(browserStorage());
      this.#unstored = undefined;
    }
    if (key === this.#key && (this.connection || !key)) return;
    this.#close();
    this.#key = key;
    if (!key) return;
    resetLiveStore(this.view.stores.live);
    this.#unstored = consent ? undefined : viewerIdentity(memoryStorage());
    this.connection = new LiveConnection({ server, show, store: this.view.stores.live, owner: host, ...(this.#unstored ? { identity: this.#unstored } : {}) });
    void this.connection.connect();
    import('../chat/chat.js')
      // In the next task: evaluating its code and drawing it are a task each.
      .then(({ VitrineChat }) => nextTask().then(() => defineElement('vitrine-chat', VitrineChat)))
      .catch((error: unknown) => warn(host, 'could not load the chat code.', error));
  }

  #close(): void {
    this.connection?.close();
    this.connection = null;
    this.#key = '';
  }

  /** The chat toggle, for the `vertical` layout where the chat covers the video. */
  toggle(): TemplateResult | typeof nothing {
    if (!this.connection) return nothing;
    const t = this.view.text.t('chat');
    const open = this.#open;
    return html`<button
      type="button"
      part="chat-toggle"
      class="chat-toggle"
      aria-pressed=${String(open)}
      aria-label=${t('chatToggle')}
      title=${t('chatToggle')}
      @click=${() => {
        this.#open = !open;
        this.view.requestUpdate();
      }}
    >
      ${chatIcon}
    </button>`;
  }

  /** The chat, in the panel; `hideable` in the `vertical` layout (the toggle), always shown otherwise. */
  chat(hideable: boolean): TemplateResult | typeof nothing {
    if (!this.connection) return nothing;
    const locale = this.view.host.getAttribute('locale') ?? undefined;
    return html`<vitrine-chat
      part="chat"
      class="chat"
      overlay
      locale=${ifDefined(locale)}
      ?hidden=${hideable && !this.#open}
      .connection=${this.connection}
    ></vitrine-chat>`;
  }
}
