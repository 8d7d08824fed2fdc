/** Who sold it: the show and the creator (affiliate) ref that travel with every cart line. */
export interface CartAttribution {
  /** The show id (`show` attribute). */
  readonly show?: string;
  /** The creator / affiliate ref (`creator` attribute). */
  readonly creator?: string;
}

/**
 * Line property names Vitrine adds. The leading `_` hides them from the shopper on Shopify
 * (cart, checkout) while the merchant's order keeps them.
 */
export const ATTRIBUTION_PROPERTIES = { show: '_vitrine_show', creator: '_vitrine_creator' } as const;

/** The line property that carries a flash offer's signed claim token. */
export const OFFER_PROPERTY = '_vitrine_offer';

/** The line properties for an attribution (empty values are left out). */
export function attributionProperties(attribution: CartAttribution): Record<string, string> {
  const properties: Record<string, string> = {};
  const show = attribution.show?.trim();
  const creator = attribution.creator?.trim();
  if (show) properties[ATTRIBUTION_PROPERTIES.show] = show.slice(0, 255);
  if (creator) properties[ATTRIBUTION_PROPERTIES.creator] = creator.slice(0, 255);
  return properties;
}

/** Reads the attribution back from line properties. */
export function attributionOf(properties: Readonly<Record<string, string>>): CartAttribution {
  const show = properties[ATTRIBUTION_PROPERTIES.show];
  const creator = properties[ATTRIBUTION_PROPERTIES.creator];
  return { ...(show ? { show } : {}), ...(creator ? { creator } : {}) };
}
