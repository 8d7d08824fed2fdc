// Browser tests load dependencies unbundled; nanostores reads `process.env.NODE_ENV`, which the
// builds replace. Import this first in a browser test that creates stores.
const scope = globalThis as { process?: { env: Record<string, string> } };
scope.process ??= { env: { NODE_ENV: 'development' } };
