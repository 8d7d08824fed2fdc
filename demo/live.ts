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

/** The secret that signs role tokens and offer claims: VITRINE_SECRET, else a fresh one per start (printed tokens work until a restart). */
export function demoSecret(): string {
  return process.env['VITRINE_SECRET'] || randomBytes(32).toString('base64url');
}

export async function attachLive(http: Server, secret: string = demoSecret()): Promise<DemoLive> {
  const server = await createLiveServer({
    server: http,
    secret,
    origins: process.env['VITRINE_ORIGINS'] ? undefined : '*',
    // The demo runs one show: other ids are refused at the handshake (`not_found`).
    allowShow: (show) => show === DEMO_SHOW,
  });
  const hostToken = await server.mintToken({ role: 'host', show: DEMO_SHOW, name: 'Studio host', sub: 'demo-host' });
  return { server, show: DEMO_SHOW, hostToken, close: () => server.close() };
}
