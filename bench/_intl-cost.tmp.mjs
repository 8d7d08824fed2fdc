import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const steps = process.argv.slice(2);
for (let i = 0; i < 4; i++) {
  const p = await b.newPage();
  await p.goto('data:text/html,<p>x');
  const out = [];
  for (const step of steps) {
    out.push(await p.evaluate(`(() => { const t0 = performance.now(); ${step}; return (performance.now() - t0).toFixed(1); })()`));
  }
  console.log(out.join('  '));
  await p.close();
}
await b.close();
