import '../support/browser-env.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/products.js';
import { loadOverlay } from '../../src/components/products/products.js';
import { memoryCart, openFromCarousel, shirt } from './products-fixtures.js';

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A short name for an element, so a failing assertion prints something readable (not a DOM tree). */
function nameOf(element: Element | null): string {
  if (!element) return 'nothing';
  const part = element.getAttribute('part');
  return `${element.localName}${part ? `[part=${part}]` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
}
const focused = () => nameOf(deepActive());

describe('overlay focus and dismissal', () => {
  it('opens as a modal dialog named by the product, with focus on its title', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [shirt()], memoryCart());
    const dialog = root.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Linen shirt');
    expect(focused()).to.equal('h2[part=title]');
  });

  it('keeps Tab and Shift+Tab inside the overlay', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [shirt()], memoryCart());
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button[part=close-button].close');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    // The add button is last: the actions stay at the bottom of the panel.
    expect(focused()).to.equal('button[part=add-button].add');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button[part=close-button].close');
    // Two full rounds never leave the panel and pass every control.
    const seen = new Set<string>();
    for (let i = 0; i < 24; i += 1) {
      await sendKeys({ press: 'Tab' });
      expect(root.querySelector('.panel')!.contains(deepActive()), `round ${i}: ${focused()}`).to.equal(true);
      seen.add(focused());
    }
    expect([...seen]).to.include.members(['a[part=details-link].details', 'input', 'button.thumb']);
  });

  it('closes on Escape and gives focus back to the card', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { carousel, overlay } = await openFromCarousel(container, [shirt()], memoryCart());
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !overlay.open, 'closed');
    expect(overlay.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(deepActive() === carousel.shadowRoot!.querySelector('.card'), focused()).to.equal(true);
  });

  it('closes with the close button and gives focus back to the card', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { carousel, overlay, root } = await openFromCarousel(container, [shirt()], memoryCart(), { locale: 'nl' });
    const close = root.querySelector<HTMLButtonElement>('[part="close-button"]')!;
    expect(close.getAttribute('aria-label')).to.equal('Sluiten');
    close.click();
    expect(overlay.open).to.equal(false);
    expect(deepActive() === carousel.shadowRoot!.querySelector('.card'), focused()).to.equal(true);
  });

  it('opens again on another product', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const other = { ...shirt(), id: 'other', title: 'Other shirt' };
    const { carousel, overlay, root } = await openFromCarousel(container, [shirt(), other], memoryCart());
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !overlay.open);
    carousel.shadowRoot!.querySelectorAll<HTMLButtonElement>('.card')[1]!.click();
    await waitUntil(() => overlay.open && root.querySelector('h2')?.textContent === 'Other shirt', 'reopened');
    expect(root.querySelector('dialog')!.matches(':modal')).to.equal(true);
  });

  it('stays closed when the page cancels vitrine-product-open', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.addEventListener('vitrine-product-open', (event) => event.preventDefault());
    const carousel = document.createElement('vitrine-products');
    carousel.products = [shirt()];
    container.append(carousel);
    await waitUntil(() => carousel.shadowRoot!.querySelector('.card'));
    carousel.shadowRoot!.querySelector<HTMLButtonElement>('.card')!.click();
    // Had it not been cancelled, the overlay would exist once its code loaded and the carousel rendered.
    await loadOverlay();
    await carousel.updateComplete;
    await carousel.updateComplete;
    expect(carousel.shadowRoot!.querySelector('vitrine-product-overlay')).to.equal(null);
  });
});
