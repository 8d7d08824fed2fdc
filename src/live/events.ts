import type { LiveProblem, LiveStatus } from '../stores/live.js';

export interface VitrineChatSendDetail {
  /** The text as the shopper typed it (trimmed). */
  readonly text: string;
  /** Sent as a question for the host. */
  readonly question: boolean;
}

export interface VitrineLiveStatusDetail {
  readonly status: LiveStatus;
  /** Why the server refused the connection (with status `refused`). */
  readonly error: LiveProblem | null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The shopper sent a chat message. */
    'vitrine-chat-send': CustomEvent<VitrineChatSendDetail>;
    /** The live connection changed state (connected, reconnecting, offline, refused...). */
    'vitrine-live-status': CustomEvent<VitrineLiveStatusDetail>;
  }
}
