import { emit } from '../../internal/emit.js';
import { attributionOf } from '../attribution.js';
import { CART_ERROR_CODES, CartError, isCart, type Cart, type CartAdapter, type CartAddResult, type CartLineRequest, type CartRequestOptions } from '../cart.js';
import type { CartRequestRejection, VitrineCartRequestDetail } from '../events.js';
import '../events.js';
import { requestId } from '../request-id.js';

// `cart="events"`: for any other platform, with no code beyond an event listener. Each cart call
// becomes a cancelable, bubbling `vitrine-cart-request` event; the page calls
// `event.preventDefault()` to take it and answers with `detail.respond(...)` or
// `detail.reject(...)`. Nobody taking it is an immediate error; an answer that never comes
// times out into a `network` error (the session then checks the cart before any retry), except
// for `open` and `checkout`: taking those means the page shows its cart or checkout, so silence is
// success (the widget never navigates away behind the page's back); only `reject()` sends the
// shopper to the cart's `cartUrl` / `checkoutUrl` instead.

export interface EventsCartOptions {
  /** How long to wait for an answer (default 10 s). */
  readonly timeoutMs?: number;
}

type Action = VitrineCartRequestDetail['action'];

function rejectionToError(value: CartRequestRejection): CartError {
  if (value instanceof CartError) return value;
  if (value instanceof Error) return CartError.from(value);
  const code = value && CART_ERROR_CODES.includes(value.code) ? value.code : 'unknown';
  return new CartError(code, value?.message || `The page answered vitrine-cart-request with "${code}".`, {
    ...(typeof value?.quantityAdded === 'number' ? { quantityAdded: value.quantityAdded } : {}),
    ...(typeof value?.available === 'number' ? { available: value.available } : {}),
  });
}

/** Asks the page through `vitrine-cart-request` events dispatched on `host`. */
export class EventsCartAdapter implements CartAdapter {
  /** The page gets each add's `requestId` and must not apply one twice, so a retry is safe. */
  readonly idempotent = true;
  /** The page gets the offer (`detail.offer`) and is to price the line at it. */
  readonly offerPrices = true;
  readonly #timeoutMs: number;

  constructor(
    private readonly host: Element,
    options: EventsCartOptions = {},
  ) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  #request<R>(action: Action, fields: Record<string, unknown>, requestId: string, signal: AbortSignal | undefined, silenceIsDone = false): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (run: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        run();
      };
      const onAbort = (): void => finish(() => reject(new CartError('network', `vitrine-cart-request "${action}" was given up before the page answered.`, { cause: signal?.reason })));
      const detail = {
        action,
        requestId,
        ...fields,
        respond: (result: unknown) => finish(() => resolve(result as R)),
        reject: (error: CartRequestRejection) => finish(() => reject(rejectionToError(error))),
      } as unknown as VitrineCartRequestDetail;
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      const taken = !emit(this.host, 'vitrine-cart-request', detail, { cancelable: true });
      if (settled) return; // answered synchronously
      if (!taken) {
        finish(() =>
          reject(
            new CartError('unknown', `Nobody handled the vitrine-cart-request "${action}" event: with cart="events", listen for it, call event.preventDefault() and answer with detail.respond() or detail.reject().`, {
              detail: 'unhandled',
            }),
          ),
        );
        return;
      }
      timer = setTimeout(
        () =>
          finish(() =>
            silenceIsDone
              ? resolve(undefined as R)
              : reject(new CartError('network', `The page took vitrine-cart-request "${action}" but did not answer within ${this.#timeoutMs} ms.`, { detail: 'timeout' })),
          ),
        this.#timeoutMs,
      );
    });
  }

  async add(line: CartLineRequest, options: CartRequestOptions): Promise<CartAddResult> {
    const fields = { line, attribution: attributionOf(line.properties), ...(line.offer ? { offer: line.offer } : {}) };
    const result = await this.#request<Partial<CartAddResult> | undefined>('add', fields, options.requestId, options.signal);
    const quantityAdded = typeof result?.quantityAdded === 'number' && Number.isInteger(result.quantityAdded) && result.quantityAdded >= 0 ? Math.min(result.quantityAdded, line.quantity) : line.quantity;
    if (quantityAdded < line.quantity) {
      throw new CartError(quantityAdded > 0 ? 'insufficient_stock' : 'out_of_stock', `The page added ${quantityAdded} of ${line.quantity}.`, { quantityAdded });
    }
    return { quantityAdded, ...(isCart(result?.cart) ? { cart: result.cart } : {}) };
  }

  async getCart(options: { readonly signal?: AbortSignal } = {}): Promise<Cart> {
    const cart = await this.#request<unknown>('get', {}, requestId(), options.signal);
    if (!isCart(cart)) throw new CartError('unknown', 'vitrine-cart-request "get" must be answered with a cart: { itemCount, lines }.');
    return cart;
  }

  async changeQuantity(lineKey: string, quantity: number, options: CartRequestOptions): Promise<Cart> {
    const cart = await this.#request<unknown>('change', { lineKey, quantity }, options.requestId, options.signal);
    if (!isCart(cart)) throw new CartError('unknown', 'vitrine-cart-request "change" must be answered with a cart: { itemCount, lines }.');
    return cart;
  }

  /** A taken `open` is done once answered, or after `timeoutMs` without an answer; `reject()` falls back to `cartUrl`. */
  async openCart(): Promise<void> {
    await this.#request<void>('open', {}, requestId(), undefined, true);
  }

  /** As `openCart`, for `checkout` (fallback: `checkoutUrl`). */
  async checkout(): Promise<void> {
    await this.#request<void>('checkout', {}, requestId(), undefined, true);
  }
}
