// socket.io-client without the transports Vitrine never uses. engine.io-client's default list
// (build/esm/transports/index.js) also brings WebTransport; the widget asks for WebSocket with
// XHR long-polling as the fallback (src/live/connection.ts), and the live server speaks exactly
// those. This plugin gives that module the two transports only, for the CDN build.

const TRANSPORTS = /[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/;

export function socketTransports() {
  return {
    name: 'vitrine-socket-transports',
    load(id) {
      if (!TRANSPORTS.test(id)) return null;
      return [
        'import { XHR } from "./polling-xhr.js";',
        'import { WS } from "./websocket.js";',
        'export const transports = { websocket: WS, polling: XHR };',
        '',
      ].join('\n');
    },
  };
}
