import { warn } from '../internal/warn.js';

/**
 * Whether the page says the shopper agreed to storage and analytics: the widget's `consent`
 * attribute is absent or `granted`. `pending` and `denied` mean nothing is stored or sent; any
 * other value is treated as `pending`.
 */
export function hasConsent(host: Element): boolean {
  const value = host.getAttribute('consent');
  if (value === null || value === 'granted') return true;
  if (value !== 'pending' && value !== 'denied') warn(host, `attribute "consent" must be pending, granted or denied; got "${value}": treated as pending.`);
  return false;
}
