// Side-effect-free exports: importing this module registers nothing. Use `vitrine/define/*`
// (or `customElements.define` with your own tag names) to register elements.
export { VERSION } from './version.js';
export { VitrineShow, type ShowLoading } from './components/show/show.js';
export type { ShowView } from './components/show/show-view.js';
export { VitrinePlayer } from './components/player/player.js';
export { defineElement } from './define/define.js';
export type { ShowStores } from './stores/show.js';
export type { PlayerStore } from './stores/player.js';
export type { PlayerState, EngineName, ActiveEngine, PlayerErrorCode, QualityLevel, CaptionTrack } from './player/types.js';
export type { VitrinePlayDetail, VitrinePauseDetail, VitrineErrorDetail, VitrineLiveEdgeDetail } from './player/events.js';
export type { VitrineEventName, VitrineEventDetail } from './internal/emit.js';
export { resolveLocale, LANGUAGES, type Language, type ResolvedLocale } from './i18n/locale.js';
export { loadMessages, type Messages, type MessageArea, type MessageKey } from './i18n/messages.js';
export { translator, type Translate, type Message, type MessageParams } from './i18n/translate.js';
// Commerce: products, money, the merchant's cart.
export type { Money, Product, ProductVariant, ProductImage, ProductOption, ProductDescription } from './commerce/product.js';
export {
  CartError,
  CART_ERROR_CODES,
  isCart,
  type Cart,
  type CartLine,
  type CartLineRequest,
  type CartLineOffer,
  type CartRequestOptions,
  type CartAddResult,
  type CartAdapter,
  type CartErrorCode,
  type CartErrorOptions,
} from './commerce/cart.js';
export { parseDecimal, formatMoney, discountPercent, minorUnitDigits, currencyCode, toDecimalString, scaleAmount } from './commerce/money.js';
export { loadProducts, productsFromData, parseProductsSpec, ProductsController, ProductsLoadError, type LoadProductsOptions, type ProductsSpec } from './commerce/sources/index.js';
export { sanitizeDescription } from './commerce/description.js';
export { createCartAdapter, CART_ADAPTER_NAMES, type CartAdapterName } from './commerce/adapters/index.js';
export { EventsCartAdapter, type EventsCartOptions } from './commerce/adapters/events.js';
export { ShopifyCartAdapter, type ShopifyCartOptions } from './commerce/adapters/shopify.js';
export { WooCommerceCartAdapter, type WooCommerceCartOptions } from './commerce/adapters/woocommerce.js';
export { CartSession, type AddOutcome, type CartSessionOptions } from './commerce/cart-session.js';
export { ATTRIBUTION_PROPERTIES, OFFER_PROPERTY, attributionProperties, type CartAttribution } from './commerce/attribution.js';
export type {
  VitrineCartAddDetail,
  VitrineCartErrorDetail,
  VitrineCartRequestDetail,
  CartAddRequestDetail,
  CartGetRequestDetail,
  CartChangeRequestDetail,
  CartOpenRequestDetail,
  CartCheckoutRequestDetail,
  CartRequestRejection,
} from './commerce/events.js';
export { createProductsStore, type ProductsStore, type ProductsStatus } from './stores/products.js';
export { createCartStore, type CartStore, type CartSyncStatus } from './stores/cart.js';
export { cartErrorMessage } from './i18n/cart.js';
// Commerce UI: the product carousel and the add-to-cart overlay.
export { VitrineProducts } from './components/products/products.js';
export type { VitrineProductOpenDetail } from './components/products/events.js';
export { VitrineProductOverlay, type OverlayShowOptions } from './components/product-overlay/product-overlay.js';
export { CommerceController, type CommerceOptions } from './controllers/commerce.js';
export { VitrineChat } from './components/chat/chat.js';
export { LiveConnection, type LiveConnectionOptions } from './live/connection.js';
export { viewerIdentity, browserStorage, type ViewerIdentity, type IdentityStorage } from './live/identity.js';
export type { LiveStore, LiveStatus, LiveProblem, ChatEntry, ChatEntryStatus } from './stores/live.js';
export type { VitrineChatSendDetail, VitrineLiveStatusDetail } from './live/events.js';
export {
  PROTOCOL_VERSION,
  type ChatMessage,
  type Author,
  type Role,
  type ShowSnapshot,
  type ChatSettings,
  type LiveErrorCode,
  type PinEvent,
  type Offer,
  type OfferClaim,
  type OfferStatus,
} from './live/protocol.js';
export { ShowSync, pinnedAt, offerAt, offerWindow } from './live/show-sync.js';
export type { SyncStore, OfferOnScreen, OfferState } from './stores/sync.js';
export type { StreamMetadata } from './player/types.js';
