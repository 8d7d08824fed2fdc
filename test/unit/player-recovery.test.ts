import { describe, expect, it } from 'vitest';
import { RECONNECT, RecoveryPolicy, STREAM_POLL, backoffDelay, type Trouble } from '../../src/player/recovery.js';

const fatal = (kind: Trouble['kind'], status?: number): Trouble => ({ kind, fatal: true, message: kind, ...(status === undefined ? {} : { status }) });

/** A policy on a clock the test moves, with no jitter. */
function policy(options: { maxReconnects?: number } = {}) {
  let now = 1_000_000;
  const subject = new RecoveryPolicy({ now: () => now, random: () => 0.5, ...options });
  return { subject, advance: (ms: number) => void (now += ms) };
}

describe('RecoveryPolicy', () => {
  it('leaves non-fatal trouble to the engine', () => {
    const { subject } = policy();
    for (const kind of ['manifest', 'segment', 'media', 'other'] as const) {
      expect(subject.decide({ kind, fatal: false, message: '' })).toEqual({ action: 'continue' });
    }
  });

  it('waits for a stream whose playlists are missing before it started (404 before the show)', () => {
    const { subject } = policy();
    expect(subject.decide(fatal('manifest', 404))).toEqual({ action: 'wait-for-stream' });
    expect(subject.decide(fatal('playlist', 404))).toEqual({ action: 'wait-for-stream' });
    expect(subject.decide(fatal('manifest', 0))).toEqual({ action: 'wait-for-stream' });
  });

  it('gives up at once on 401, 403 and 410: a wrong or expired src, not a show that has not started', () => {
    for (const status of [401, 403, 410]) {
      const { subject } = policy();
      expect(subject.decide(fatal('manifest', status))).toEqual({ action: 'give-up', code: 'manifest-unavailable' });
      expect(subject.decide(fatal('playlist', status))).toEqual({ action: 'give-up', code: 'manifest-unavailable' });
    }
  });

  it('says once that a 404 has lasted a minute, counting from the first 404 since data flowed', () => {
    const { subject, advance } = policy();
    expect(subject.notFound()).toBe(false);
    advance(59_000);
    expect(subject.notFound()).toBe(false);
    advance(1_000);
    expect(subject.notFound()).toBe(true);
    advance(30_000);
    expect(subject.notFound()).toBe(false);
    subject.flowing();
    advance(1_000);
    expect(subject.notFound()).toBe(false); // a new 404 starts the minute over
  });

  it('reconnects with growing delays once the stream had started, then gives up', () => {
    const { subject } = policy({ maxReconnects: 4 });
    subject.flowing();
    expect(subject.started).toBe(true);
    const delays = [fatal('segment', 503), fatal('playlist', 404), fatal('manifest', 500), fatal('segment', 0)].map((trouble) => subject.decide(trouble));
    expect(delays).toEqual([1000, 2000, 4000, 8000].map((delay) => ({ action: 'reconnect', delay })));
    expect(subject.decide(fatal('segment', 503))).toEqual({ action: 'give-up', code: 'network' });
  });

  it('starts the backoff over when data flows again', () => {
    const { subject } = policy();
    subject.flowing();
    subject.decide(fatal('segment', 503));
    subject.decide(fatal('segment', 503));
    subject.flowing();
    expect(subject.decide(fatal('segment', 503))).toEqual({ action: 'reconnect', delay: 1000 });
  });

  it('reconnects segment failures even before the first frame (the manifest was there)', () => {
    const { subject } = policy();
    expect(subject.decide(fatal('segment', 503))).toMatchObject({ action: 'reconnect' });
  });

  it('recovers a fatal media error at most once per 5 s and gives up on a second one sooner', () => {
    const { subject, advance } = policy();
    expect(subject.decide(fatal('media'))).toEqual({ action: 'recover-media' });
    advance(4999);
    expect(subject.decide(fatal('media'))).toEqual({ action: 'give-up', code: 'media' });
  });

  it('recovers again when media errors are more than 5 s apart and media played in between', () => {
    const { subject, advance } = policy();
    for (let i = 0; i < 4; i += 1) {
      expect(subject.decide(fatal('media'))).toEqual({ action: 'recover-media' });
      subject.flowing();
      advance(5000);
    }
  });

  it('gives up after two recoveries in a row that brought no media back, however far apart', () => {
    const { subject, advance } = policy();
    expect(subject.decide(fatal('media'))).toEqual({ action: 'recover-media' });
    advance(7000);
    expect(subject.decide(fatal('media'))).toEqual({ action: 'recover-media' });
    advance(7000);
    expect(subject.decide(fatal('media'))).toEqual({ action: 'give-up', code: 'media' });
  });

  it('gives up at once on an unplayable manifest or an unknown fatal error', () => {
    const { subject } = policy();
    expect(subject.decide(fatal('invalid'))).toEqual({ action: 'give-up', code: 'manifest-unavailable' });
    expect(subject.decide(fatal('other'))).toEqual({ action: 'give-up', code: 'media' });
  });
});

describe('backoffDelay', () => {
  it('grows by the factor up to the maximum', () => {
    const exact = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, STREAM_POLL, exact))).toEqual([2000, 3000, 4500, 6750, 10125, 15000, 15000]);
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, RECONNECT, exact))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('spreads retries by the jitter so viewers do not retry in step', () => {
    expect(backoffDelay(0, STREAM_POLL, () => 0)).toBe(1600);
    expect(backoffDelay(0, STREAM_POLL, () => 1)).toBe(2400);
    expect(backoffDelay(20, STREAM_POLL, () => 1)).toBe(18_000);
  });
});
