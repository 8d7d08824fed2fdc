// Offer claim tokens: proof, signed with the server secret (JWT, HS256), that a viewer reserved
// units of a flash offer at its price. The cart line carries it (`_vitrine_offer`); a cart that
// honours offers checks it with `verifyOfferClaim` and prices the line at `price`.
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Money } from '../commerce/product.js';
import type { Secret } from './tokens.js';

const ALGORITHM = 'HS256';
/** Marks the token as a claim, so a role token can never pass for one (nor the other way round). */
const USE = 'vitrine-offer-claim';

/** What a valid claim token says. */
export interface VerifiedOfferClaim {
  readonly show: string;
  readonly offerId: string;
  /** Unique per claim: honour each one once. */
  readonly claimId: string;
  readonly productId: string;
  /** The one variant on offer; null for every variant of the product. */
  readonly variantId: string | null;
  /** Price per unit. */
  readonly price: Money;
  /** Units claimed: at most this many at `price`. */
  readonly quantity: number;
  /** Who claimed (the live server's user id). */
  readonly userId: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

function key(secret: Secret): Uint8Array {
  return typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
}

/** Signs a claim; `expiresAt` (epoch ms, on this machine's clock) is rounded down to a second. */
export function signOfferClaim(claim: VerifiedOfferClaim, secret: Secret): Promise<string> {
  return new SignJWT({
    use: USE,
    show: claim.show,
    offer: claim.offerId,
    product: claim.productId,
    variant: claim.variantId,
    amount: claim.price.amount,
    currency: claim.price.currency,
    qty: claim.quantity,
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setJti(claim.claimId)
    .setSubject(claim.userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claim.expiresAt / 1000))
    .sign(key(secret));
}

/** Why a claim token is not honoured. */
export class OfferClaimError extends Error {
  constructor(
    readonly code: 'invalid' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'OfferClaimError';
  }
}

/**
 * Checks a claim token's signature, expiry and shape (and its show, when given). Throws an
 * `OfferClaimError` (`expired` or `invalid`). A cart should also refuse a `claimId` it honoured
 * before, and a line for another product or variant, or more units than `quantity`.
 */
export async function verifyOfferClaim(token: unknown, secret: Secret, options: { readonly show?: string } = {}): Promise<VerifiedOfferClaim> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw new OfferClaimError('invalid', 'claim token must be a JWT string');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM], requiredClaims: ['jti', 'sub', 'exp'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new OfferClaimError('expired', 'the offer claim has expired');
    throw new OfferClaimError('invalid', 'the offer claim is not valid');
  }
  const { use, show, offer, product, variant, amount, currency, qty, jti, sub, exp } = payload;
  const valid =
    use === USE &&
    typeof show === 'string' &&
    typeof offer === 'string' &&
    typeof product === 'string' &&
    (variant === null || typeof variant === 'string') &&
    Number.isSafeInteger(amount) &&
    typeof currency === 'string' &&
    Number.isSafeInteger(qty) &&
    (qty as number) > 0;
  if (!valid) throw new OfferClaimError('invalid', 'the token is not an offer claim');
  if (options.show !== undefined && show !== options.show) throw new OfferClaimError('invalid', 'the offer claim is for another show');
  return {
    show: show as string,
    offerId: offer as string,
    claimId: jti as string,
    productId: product as string,
    variantId: variant as string | null,
    price: { amount: amount as number, currency: currency as string },
    quantity: qty as number,
    userId: sub as string,
    expiresAt: Number(exp) * 1000,
  };
}
