// The demo's live server: attached to the demo HTTP server (same origin, socket.io at
// /socket.io), with a host token printed at start so you can moderate from a second window.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createLiveServer, type LiveServer } from '../src/server/index.js';

/** The show the demo shop's <vitrine-show> joins. */
export const DEMO_SHOW = 'spring-drop';

export interface DemoLive {
  readonly server: LiveServer;
  readonly show: string;
  /** A host token for the demo show (valid 12 hours). */
  readonly hostToken: string;
  close(): Promise<void>;
}

export async function attachLive(http: Server): Promise<DemoLive> {
  const server = await createLiveServer({
    server: http,
    // A fresh secret per start unless VITRINE_SECRET is set: printed tokens work until a restart.
    secret: process.env['VITRINE_SECRET'] || randomBytes(32).toString('base64url'),
    origins: process.env['VITRINE_ORIGINS'] ? undefined : '*',
  });
  const hostToken = await server.mintToken({ role: 'host', show: DEMO_SHOW, name: 'Studio host', sub: 'demo-host' });
  return { server, show: DEMO_SHOW, hostToken, close: () => server.close() };
}
