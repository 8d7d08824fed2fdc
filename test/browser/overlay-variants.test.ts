import '../support/browser-env.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/products.js';
import { choose, initialSelection, maxAddable, valueState, variantFor } from '../../src/components/product-overlay/variants.js';
import { memoryCart, model, openFromCarousel, shirt } from './products-fixtures.js';

const radios = (root: ShadowRoot, axis: number) => [...root.querySelectorAll<HTMLInputElement>(`input[name="axis-${axis}"]`)];
const radio = (root: ShadowRoot, axis: number, value: string) => radios(root, axis).find((input) => input.value === value)!;
/** What a screen reader reads for a value: its label text. */
const label = (input: HTMLInputElement) => input.closest('label')!.textContent!.replace(/\s+/g, ' ').trim();
const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function pick(root: ShadowRoot, axis: number, value: string): Promise<void> {
  radio(root, axis, value).click();
  await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe('variant logic (three axes)', () => {
  const product = model(shirt());

  it('judges each value by the choices on the axes before it', () => {
    expect(valueState(product, ['S', null, null], 1, 'Green')).to.equal('unavailable');
    expect(valueState(product, ['M', null, null], 1, 'Blue')).to.equal('sold-out');
    expect(valueState(product, ['M', null, null], 1, 'Red')).to.equal('available');
    expect(valueState(product, ['L', 'Red', null], 2, 'Long')).to.equal('unavailable');
    // The first axis is judged alone.
    expect(valueState(product, [null, null, null], 0, 'M')).to.equal('available');
  });

  it('starts on the first buyable variant and finds the variant of a full selection', () => {
    expect(initialSelection(product)).to.deep.equal(['S', 'Red', 'Regular']);
    expect(variantFor(product, ['L', 'Red', 'Regular'])!.id).to.equal('shirt-l-red-regular');
    expect(variantFor(product, ['L', 'Red', 'Long'])).to.equal(undefined);
    expect(variantFor(product, ['L', null, 'Long'])).to.equal(undefined);
  });

  it('moves later axes to a buyable value when a choice rules theirs out', () => {
    expect(choose(product, ['M', 'Green', 'Long'], 0, 'S')).to.deep.equal(['S', 'Red', 'Long']);
    expect(choose(product, ['S', 'Red', 'Long'], 0, 'L')).to.deep.equal(['L', 'Red', 'Regular']);
    // Still buyable: kept.
    expect(choose(product, ['S', 'Blue', 'Long'], 0, 'M')).to.deep.equal(['M', 'Red', 'Long']);
    expect(choose(product, ['M', 'Green', 'Regular'], 0, 'L')).to.deep.equal(['L', 'Green', 'Regular']);
  });

  it('bounds the quantity by stock, the shop limit and what the cart holds', () => {
    const byId = (id: string) => product.variants.find((variant) => variant.id === id)!;
    expect(maxAddable(byId('shirt-l-red-regular'))).to.equal(2);
    expect(maxAddable(byId('shirt-l-red-regular'), 1)).to.equal(1);
    expect(maxAddable(byId('shirt-s-red-regular'))).to.equal(3);
    expect(maxAddable(byId('shirt-s-red-regular'), 3)).to.equal(0);
    expect(maxAddable(byId('shirt-m-blue-regular'))).to.equal(0);
    expect(maxAddable({ ...byId('shirt-m-red-regular'), stock: undefined })).to.equal(Number.POSITIVE_INFINITY);
  });
});

describe('overlay variant picker', () => {
  it('renders one labelled group per axis with the chosen value, and disables (and says) impossible combinations', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [shirt()], memoryCart());
    const legends = [...root.querySelectorAll('fieldset legend')].map((legend) => legend.textContent!.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal(['Size: S', 'Colour: Red', 'Length: Regular']);
    expect(radio(root, 0, 'S').checked).to.equal(true);
    const green = radio(root, 1, 'Green');
    expect(green.disabled).to.equal(true);
    expect(label(green)).to.equal('Green, not available');
    expect(label(radio(root, 1, 'Blue'))).to.equal('Blue');
  });

  it('disables sold-out values (and says so) and moves on to a buyable combination', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [shirt()], memoryCart());
    await pick(root, 1, 'Blue');
    await pick(root, 0, 'M');
    // M / Blue is sold out: the colour moved to Red, Blue is disabled and read as sold out.
    expect(radio(root, 1, 'Red').checked).to.equal(true);
    const blue = radio(root, 1, 'Blue');
    expect(blue.disabled).to.equal(true);
    expect(label(blue)).to.equal('Blue, sold out');
    await pick(root, 0, 'L');
    expect(radio(root, 2, 'Long').disabled).to.equal(true);
    expect(radio(root, 2, 'Regular').checked).to.equal(true);
  });

  it('shows the price, image and stock of the chosen variant', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root, overlay } = await openFromCarousel(container, [shirt()], memoryCart());
    expect(text(root, '.price .now')).to.equal('€39.00');
    expect(text(root, '.price .was')).to.equal('€49.00');
    expect(text(root, '.price .sr-only')).to.equal('Price €39.00, was €49.00, 20% off.');
    await pick(root, 1, 'Blue');
    expect(overlay.selectedVariant!.id).to.equal('shirt-s-blue-regular');
    expect(text(root, '.price .now')).to.equal('€45.00');
    expect(text(root, '.price .discount')).to.equal('-8%');
    expect(root.querySelector<HTMLImageElement>('.main-image')!.src).to.match(/linen-overshirt-navy\.svg/);
    expect(root.querySelector<HTMLImageElement>('.main-image')!.alt).to.equal('Blue shirt');
    await pick(root, 1, 'Red');
    await pick(root, 0, 'L');
    expect(text(root, '[part="stock"]')).to.equal('Only 2 left');
  });

  it('bounds the quantity by stock and by the shop limit', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root, overlay } = await openFromCarousel(container, [shirt()], memoryCart());
    const input = () => root.querySelector<HTMLInputElement>('.quantity input')!;
    const [less, more] = [...root.querySelectorAll<HTMLButtonElement>('.quantity button')];
    // S / Red / Regular: at most 3 per order.
    expect(text(root, '[part="stock"]')).to.equal('At most 3');
    expect(less!.getAttribute('aria-disabled')).to.equal('true');
    for (let i = 0; i < 5; i += 1) {
      more!.click();
      await overlay.updateComplete;
    }
    expect(input().value).to.equal('3');
    expect(input().max).to.equal('3');
    expect(more!.getAttribute('aria-disabled')).to.equal('true');
    // Typing past the bound clamps.
    await pick(root, 0, 'L');
    input().value = '40';
    input().dispatchEvent(new Event('change'));
    await overlay.updateComplete;
    expect(input().value).to.equal('2');
    input().value = '-4';
    input().dispatchEvent(new Event('change'));
    await overlay.updateComplete;
    expect(input().value).to.equal('1');
  });

  it('keeps a sold-out product readable but not addable', async () => {
    const product = shirt();
    const soldOut = { ...product, variants: (product['variants'] as Record<string, unknown>[]).map((variant) => ({ ...variant, stock: 0 })) };
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const { root } = await openFromCarousel(container, [soldOut], memoryCart());
    expect(text(root, '[part="stock"]')).to.equal('Sold out');
    expect(root.querySelector('[part="add-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(radios(root, 0).every((input) => input.disabled)).to.equal(true);
  });
});
