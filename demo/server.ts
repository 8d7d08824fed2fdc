// `npm start`: the demo shop. PORT picks the port (default 8080).
import { createDemoServer } from './app.js';

const port = Number(process.env.PORT ?? 8080);
const demo = await createDemoServer({ port });
console.log(`\nVitrine demo shop: ${demo.url}/`);
console.log(`Host chat (moderation) for show "${demo.live.show}": ${demo.url}/host.html#token=${demo.live.hostToken}`);
console.log(`Host token: ${demo.live.hostToken}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void demo.close().then(() => process.exit(0)));
}
