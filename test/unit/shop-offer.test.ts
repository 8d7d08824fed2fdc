// The demo shop's cart honours flash offer claims signed by its live server: a line added with a
// valid claim token (`_vitrine_offer`) is priced at the offer price, once; a used, forged, short
// or foreign claim is refused and nothing is added. Real HTTP, real socket.io, the real demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.js';
import { demoCatalog } from '../../demo/shopify/index.js';
import type { Offer, OfferClaim } from '../../src/live/protocol.js';
import { closeAll, joined, request, type TestClient } from '../support/live-node.js';

let demo: DemoServer;
let host: TestClient;
let buyer: TestClient;
const [shirt, other] = demoCatalog();

beforeAll(async () => {
  demo = await createDemoServer({ port: 0 });
  host = (await joined(demo.url, { show: demo.live.show, token: demo.live.hostToken })).socket;
  buyer = (await joined(demo.url, { show: demo.live.show, name: 'Ben' })).socket;
});
afterAll(async () => {
  closeAll(host, buyer);
  await demo?.close();
});

/** A fresh cart (its own cookie) that adds items through the Shopify Ajax API. */
function cart() {
  let cookie = '';
  return async (items: unknown[]): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${demo.url}/cart/add.js`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ items }),
    });
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

async function claim(productId: string, quantity: number): Promise<OfferClaim> {
  const offer = await request<Offer>(host, 'offer:start', { productId, price: { amount: 1000, currency: 'EUR' }, quantity: 5, durationSeconds: 60, at: Date.now() });
  if (!offer.ok) throw new Error(`offer:start refused: ${offer.error}`);
  const answer = await request<OfferClaim>(buyer, 'offer:claim', { offerId: offer.data.id, quantity, clientId: `c-${Math.random().toString(36).slice(2, 12)}` });
  if (!answer.ok) throw new Error(`offer:claim refused: ${answer.error}`);
  return answer.data;
}

describe('demo shop cart and flash offer claims', () => {
  it('prices a line at the offer price once, and refuses a reused, forged, short or foreign claim', async () => {
    const variant = shirt!.variants[0]!;
    const { token } = await claim(String(shirt!.id), 1);
    const add = cart();
    const added = await add([{ id: variant.id, quantity: 1, properties: { _vitrine_offer: token } }]);
    expect(added.status).toBe(200);
    const [line] = added.body['items'] as { price: number; original_price: number; final_line_price: number }[];
    expect(line!.price).toBe(1000);
    expect(line!.original_price).toBe(variant.price);
    expect(line!.final_line_price).toBe(1000);

    const refused = async (items: unknown[], why: RegExp) => {
      const answer = await cart()(items);
      expect(answer.status).toBe(422);
      expect(String(answer.body['description'] ?? answer.body['message'])).toMatch(why);
    };
    // Used already (a retry of the same line, or a copy of the token).
    await refused([{ id: variant.id, quantity: 1, properties: { _vitrine_offer: token } }], /Nothing was added/);
    // Forged.
    await refused([{ id: variant.id, quantity: 1, properties: { _vitrine_offer: `${token.slice(0, -4)}AAAA` } }], /could not be applied/);
    // More units than claimed.
    const two = await claim(String(other!.id), 1);
    await refused([{ id: other!.variants[0]!.id, quantity: 2, properties: { _vitrine_offer: two.token } }], /fewer units/);
    // A claim for another product.
    await refused([{ id: variant.id, quantity: 1, properties: { _vitrine_offer: two.token } }], /another product/);
  });
});
