import { describe, expect, it } from 'vitest';
import { EVENT_SHAPES, isChatMessage, isSnapshot } from '../../src/live/shapes.js';

const message = { id: '1-0', clientId: 'c', text: 'hi', sentAt: 1, question: false, author: { id: 'a_1', name: 'Ann', role: 'viewer' } };
const snapshot = {
  v: 1,
  show: 's',
  now: 1,
  you: { id: 'a_1', name: '', role: 'viewer' },
  restriction: null,
  messages: [message],
  viewers: 3,
  settings: { maxLength: 200, slowModeSeconds: 0, rateLimit: { messages: 5, perSeconds: 10 } },
};

describe('server event shapes', () => {
  it('accepts what the server sends and refuses what the widget could not read', () => {
    expect(isChatMessage(message)).toBe(true);
    expect(isChatMessage({ ...message, author: null })).toBe(false);
    expect(isChatMessage({ ...message, text: 5 })).toBe(false);
    expect(isSnapshot(snapshot)).toBe(true);
    expect(isSnapshot({ ...snapshot, pinnedMessage: null, questions: [] })).toBe(true);
    expect(isSnapshot({ ...snapshot, messages: [{}] })).toBe(false);
    expect(isSnapshot({ ...snapshot, settings: undefined })).toBe(false);
    expect(isSnapshot({ ...snapshot, restriction: { until: 'later' } })).toBe(false);
    expect(isSnapshot(null)).toBe(false);
  });

  it('checks every chat event the connection reads', () => {
    const [viewers] = EVENT_SHAPES.viewers!;
    expect(viewers({ count: 2 })).toBe(true);
    expect(viewers({ count: -1 })).toBe(false);
    const [restricted] = EVENT_SHAPES['user:restricted']!;
    expect(restricted({ userId: 'u', until: null })).toBe(true);
    expect(restricted({ userId: 'u', until: 0 })).toBe(true);
    expect(restricted({ userId: 'u' })).toBe(false);
    const [pinned] = EVENT_SHAPES['chat:pinned']!;
    expect(pinned({ message: null })).toBe(true);
    expect(pinned({ message })).toBe(true);
    expect(pinned({})).toBe(false);
  });
});
