// `npm start`: the demo shop. PORT picks the port (default 8080), HOST the interface.
// `npm start -- --encoder`: the shop's live show comes from a real ffmpeg encoder.
import { createDemoServer } from './app.js';
import { FfmpegMissingError, startEncoder, type Encoder } from './hls/encoder.js';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  console.log('Usage: npm start [-- --encoder]\n  --encoder  a real live stream from ffmpeg (test pattern with the wall clock), instead of the simulated one\n  PORT=8080  HOST=127.0.0.1');
  process.exit(0);
}

let encoder: Encoder | undefined;
if (args.has('--encoder')) {
  try {
    encoder = await startEncoder();
    await encoder.ready(2);
  } catch (error) {
    await encoder?.stop();
    encoder = undefined;
    if (error instanceof FfmpegMissingError) console.error(`\n--encoder: ${error.message}\nServing the simulated live stream instead.`);
    else console.error('\n--encoder: ffmpeg did not start; serving the simulated live stream instead.\n', error);
  }
}

const port = Number(process.env.PORT ?? 8080);
const demo = await createDemoServer({ port, host: process.env.HOST, encoder });
console.log(`
Vitrine demo shop: ${demo.url}/
  live stream:  ${demo.url}${encoder ? `${encoder.src}   (ffmpeg, real time)` : '/hls/live/main/master.m3u8   (simulated from demo/media)'}
  studio:       ${demo.url}/studio.html#token=${demo.live.hostToken}   (pin, offers, figures; open the shop beside it)
  host chat:    ${demo.url}/host.html#token=${demo.live.hostToken}   (moderate show "${demo.live.show}")
  host token:   ${demo.live.hostToken}
  lab pages:    ${demo.url}/lab/   (strict CSP, hostile theme, script forms, bare hls.js)
Stop with Ctrl+C.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void Promise.all([demo.close(), encoder?.stop()]).then(() => process.exit(0)));
}
