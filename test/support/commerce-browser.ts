// Browser-side helpers for the commerce tests: drive the commerce test server's control
// endpoint and collect console warnings.
import type { CommerceState, Fault } from './commerce-server.js';

export const COMMERCE = '/__commerce/';
export const SHOPIFY_ROOT = `${COMMERCE}shopify/`;
export const WOO_REST_ROOT = `${COMMERCE}woo/wp-json/`;
export const FEEDS = `${COMMERCE}feeds/`;

async function control(body: Record<string, unknown>): Promise<{ nonce?: string }> {
  const response = await fetch(`${COMMERCE}control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control answered ${response.status}`);
  return response.json();
}

/** Fresh servers: empty carts, full stock, no faults. */
export async function resetServers(): Promise<void> {
  await control({ reset: true });
}

export async function addFaults(...faults: Fault[]): Promise<void> {
  await control({ faults });
}

export async function serverState(): Promise<CommerceState> {
  return (await fetch(`${COMMERCE}control`)).json();
}

/** A Store API nonce for this browser's WooCommerce session, as a WordPress page would print. */
export async function wooPageNonce(): Promise<string> {
  return (await control({ wooNonceFor: '' })).nonce!;
}

export async function expireWooNonces(): Promise<void> {
  await control({ expireWooNonces: true });
}

/** Runs `work` and returns the console warnings it caused. */
export async function captureWarnings<T>(work: () => Promise<T> | T): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    const result = await work();
    return { result, warnings };
  } finally {
    console.warn = original;
  }
}

/** Waits until `check` is true (no fixed sleeps). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
