// socket.io-client without the parts Vitrine never uses, for the CDN build:
// - transports: engine.io-client's default list (build/esm/transports/index.js) also brings
//   WebTransport; the widget asks for WebSocket with XHR long-polling as the fallback
//   (src/live/connection.ts), and the live server speaks exactly those. That module gets the two
//   transports only.
// - binary attachments: the live protocol (src/live/protocol.ts) is JSON only, both ways, so
//   socket.io-parser's binary packets (an ArrayBuffer / Blob inside an event: deconstructed into
//   attachments on the way out, reassembled on the way in) never occur. Its binary detection
//   answers "no binary" and its (de)construction helpers are no-ops: every event is encoded as
//   JSON, as it is today. Were a server to send a binary event anyway, its attachment would not be
//   recognised: socket.io-client then closes the connection with a parse error and reconnects
//   (LiveConnection shows "reconnecting"), nothing throws into the page.

const TRANSPORTS = /[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/;
const IS_BINARY = /[\\/]socket\.io-parser[\\/]build[\\/]esm[\\/]is-binary\.js$/;
const BINARY = /[\\/]socket\.io-parser[\\/]build[\\/]esm[\\/]binary\.js$/;

const lines = (...code) => `${code.join('\n')}\n`;

export function socketTransports() {
  return {
    name: 'vitrine-socket-transports',
    load(id) {
      if (TRANSPORTS.test(id)) {
        return lines(
          'import { XHR } from "./polling-xhr.js";',
          'import { WS } from "./websocket.js";',
          'export const transports = { websocket: WS, polling: XHR };',
        );
      }
      if (IS_BINARY.test(id)) return lines('export const isBinary = () => false;', 'export const hasBinary = () => false;');
      if (BINARY.test(id)) return lines('export const deconstructPacket = (packet) => ({ packet, buffers: [] });', 'export const reconstructPacket = (packet) => packet;');
      return null;
    },
  };
}
