import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verifyToken } from '../../src/server/index.js';
import { parseDuration, parseOrigins, parseRateLimit, resolveOptions } from '../../src/server/options.js';
import { TEST_SECRET } from '../support/live-node.js';

const bin = ['--import', 'tsx', 'src/server/bin.ts'];
const env = (extra: Record<string, string>) => {
  const { VITRINE_SECRET: _s, REDIS_URL: _r, VITRINE_ORIGINS: _o, PORT: _p, ...rest } = process.env;
  return { ...rest, ...extra };
};

describe('vitrine-live', () => {
  it('mints a host token bound to a show', async () => {
    const result = spawnSync('node', [...bin, 'token', '--role', 'host', '--show', 'spring-drop', '--name', 'Anna', '--ttl', '2h'], {
      env: env({ VITRINE_SECRET: TEST_SECRET }),
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const identity = await verifyToken(result.stdout.trim(), TEST_SECRET, 'spring-drop');
    expect(identity.author).toMatchObject({ name: 'Anna', role: 'host' });
    expect(identity.expiresAt - Date.now()).toBeGreaterThan(7000_000);
    expect(identity.expiresAt - Date.now()).toBeLessThanOrEqual(7200_000);
    await expect(verifyToken(result.stdout.trim(), TEST_SECRET, 'other-show')).rejects.toMatchObject({ code: 'wrong_show' });
  });

  it('refuses to mint without a secret or with a bad role', () => {
    const noSecret = spawnSync('node', [...bin, 'token', '--role', 'host', '--show', 's'], { env: env({}), encoding: 'utf8' });
    expect(noSecret.status).toBe(1);
    expect(noSecret.stderr).toContain('VITRINE_SECRET');
    const badRole = spawnSync('node', [...bin, 'token', '--role', 'admin', '--show', 's'], { env: env({ VITRINE_SECRET: TEST_SECRET }), encoding: 'utf8' });
    expect(badRole.status).toBe(1);
  });

  it('serves until SIGTERM, with a health check', async () => {
    const child = spawn('node', [...bin, 'serve'], { env: env({ PORT: '0', VITRINE_SECRET: TEST_SECRET, VITRINE_ORIGINS: 'https://shop.example' }) });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /vitrine-live (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const health = await fetch(`${url}/healthz`).then((r) => r.json());
    expect(health).toMatchObject({ ok: true, protocol: 1 });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('configuration', () => {
  it('reads the environment', () => {
    const options = resolveOptions({
      env: { PORT: '4000', VITRINE_SECRET: 's3cret', VITRINE_ORIGINS: 'https://a.example/, https://b.example', REDIS_URL: 'redis://r:6379', VITRINE_RATE_LIMIT: '5/10', VITRINE_MAX_LENGTH: '300', VITRINE_BLOCKED_WORDS: 'x, y' },
      logger: false,
    });
    expect(options).toMatchObject({ port: 4000, secret: 's3cret', origins: ['https://a.example', 'https://b.example'], redisUrl: 'redis://r:6379' });
    expect(options.chat).toMatchObject({ rateLimit: { messages: 5, perSeconds: 10 }, maxLength: 300, blockedWords: ['x', 'y'] });
    // Options win over the environment.
    expect(resolveOptions({ env: { PORT: '4000' }, port: 5000, logger: false }).port).toBe(5000);
    expect(resolveOptions({ env: {}, logger: false }).chat.rateLimit).toEqual({ messages: 20, perSeconds: 30 });
  });

  it('parses its small formats', () => {
    expect(parseOrigins('*')).toBe('*');
    expect(parseRateLimit('20/30')).toEqual({ messages: 20, perSeconds: 30 });
    expect(parseRateLimit('lots')).toBe(undefined);
    expect([parseDuration('12h'), parseDuration('30m'), parseDuration('90'), parseDuration('1w')]).toEqual([43_200, 1800, 90, undefined]);
  });
});
