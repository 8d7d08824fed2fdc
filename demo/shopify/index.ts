// The demo shop's Shopify-contract cart and catalog (see routes.ts).
export { DEMO_CURRENCY, DEMO_HANDLES, demoCatalog, type DemoProduct, type DemoVariant } from './catalog.js';
export { DemoShop, ShopError, unitPrice, type CartState, type CartLineState, type HonouredClaim } from './shop.js';
export { shopifyRoutes, vitrineFeed, escapeHtml, type ShopReply, type ShopRequest, type ShopifyRoutesOptions } from './routes.js';
