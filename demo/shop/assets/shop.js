// The shop theme's own script: keeps the header's cart count in step with adds made inside the
// live show, by listening to Vitrine's `vitrine-cart-add` event as any theme can (a Shopify theme
// might re-render its cart sections instead). External, so it runs under the shop's strict CSP.
const count = document.querySelector('[data-cart-count]');
const link = count?.closest('a');

document.addEventListener('vitrine-cart-add', (event) => {
  if (!count) return;
  const { cart, quantityAdded } = event.detail;
  const items = typeof cart?.itemCount === 'number' ? cart.itemCount : Number(count.dataset.cartCount) + quantityAdded;
  count.textContent = String(items);
  count.dataset.cartCount = String(items);
  link?.setAttribute('aria-label', `Cart, ${items === 1 ? '1 item' : `${items} items`}`);
});
