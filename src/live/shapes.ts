// Light checks of what the live server sends, at the client's edge. A server of another version
// (or a broken proxy) must not break the page: a payload that is not the expected shape is
// dropped with one warning per event instead of throwing inside a socket listener. These check
// the fields the widget reads, not every field of the protocol.
import type { ChatMessage, ServerToClientEvents, ShowSnapshot } from './protocol.js';

type Shape = (value: unknown) => boolean;

const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): value is string => typeof value === 'string';
const count = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const arrayOf = (item: Shape): Shape => (value) => Array.isArray(value) && value.every(item);

export const isAuthor: Shape = (value) => record(value) && text(value.id) && text(value.name) && text(value.role);

export const isChatMessage = (value: unknown): value is ChatMessage =>
  record(value) && text(value.id) && text(value.clientId) && text(value.text) && count(value.sentAt) && isAuthor(value.author);

const isSettings: Shape = (value) => record(value) && count(value.maxLength) && count(value.slowModeSeconds);
const isRestriction: Shape = (value) => value === null || (record(value) && (value.until === null || count(value.until)));

export const isSnapshot = (value: unknown): value is ShowSnapshot =>
  record(value) &&
  count(value.now) &&
  isAuthor(value.you) &&
  arrayOf(isChatMessage)(value.messages) &&
  count(value.viewers) &&
  isSettings(value.settings) &&
  isRestriction(value.restriction) &&
  (value.questions === undefined || arrayOf(isChatMessage)(value.questions)) &&
  (value.pinnedMessage === undefined || value.pinnedMessage === null || isChatMessage(value.pinnedMessage));

/** What the widget expects of each chat event it reads, and how to say it in a warning. */
export const EVENT_SHAPES: { readonly [E in keyof ServerToClientEvents]?: readonly [Shape, string] } = {
  'chat:message': [isChatMessage, 'a message { id, clientId, text, sentAt, author }'],
  // Checked message by message by the connection: one bad message does not cost the batch.
  'chat:messages': [(v) => record(v) && Array.isArray(v.messages), '{ messages: [message, …] }'],
  'chat:deleted': [(v) => record(v) && arrayOf(text)(v.ids), '{ ids: [string, …] }'],
  'chat:question': [(v) => record(v) && text(v.id), '{ id: string }'],
  'user:restricted': [(v) => record(v) && text(v.userId) && (v.until === null || count(v.until)), '{ userId: string, until: number | null }'],
  viewers: [(v) => record(v) && count(v.count), '{ count: number }'],
  'chat:settings': [isSettings, '{ maxLength: number, slowModeSeconds: number, … }'],
  questions: [(v) => record(v) && arrayOf(isChatMessage)(v.questions), '{ questions: [message, …] }'],
  'chat:pinned': [(v) => record(v) && (v.message === null || isChatMessage(v.message)), '{ message: message | null }'],
  reactions: [(v) => record(v) && record(v.counts) && count(v.counts.heart), '{ counts: { heart: number } }'],
};
