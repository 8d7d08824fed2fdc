// One live server node for the fan-out benchmark, in its own process so its CPU and memory are
// measured alone. Talks to the orchestrator over IPC: `ready` with its URL, `stats` on request.
import { createLiveServer } from '../../src/server/index.js';

const server = await createLiveServer({ port: 0, host: '127.0.0.1', logger: false, origins: '*' });
process.send!({ type: 'ready', url: server.url, node: server.node, state: server.state.kind });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    (globalThis as { gc?: () => void }).gc?.(); // memory figures without garbage waiting to be collected
    process.send!({
      type: 'stats',
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      connections: server.io.engine.clientsCount,
      at: performance.timeOrigin + performance.now(),
    });
  } else if (message.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
