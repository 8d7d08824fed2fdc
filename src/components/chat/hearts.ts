import { render } from 'lit';
import { heartIcon } from './icons.js';

/**
 * Floating hearts for reactions. Decorative and imperative (no re-render of the chat per
 * heart): each heart is a span with a CSS animation, removed when it ends. Many taps become a
 * few hearts, and there are never more than `max` at once.
 */
export class FloatingHearts {
  #layer: HTMLElement | null = null;
  #live = 0;
  constructor(private readonly max = 24) {}

  attach(layer: HTMLElement | null): void {
    this.#layer = layer;
  }

  /** Shows hearts for `count` taps (at most 6 per burst). */
  burst(count: number): void {
    const shown = Math.min(Math.max(0, Math.floor(count)), 6);
    for (let i = 0; i < shown; i++) this.#spawn(i * 140);
  }

  #spawn(delayMs: number): void {
    const layer = this.#layer;
    if (!layer || this.#live >= this.max) return;
    this.#live += 1;
    const heart = document.createElement('span');
    heart.className = 'heart';
    heart.setAttribute('part', 'heart');
    // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
    heart.style.setProperty('--vitrine-heart-drift', `${Math.round(Math.random() * 48 - 24)}px`);
    heart.style.setProperty('--vitrine-heart-hue', `${Math.round(Math.random() * 30 - 15)}deg`);
    heart.style.animationDelay = `${delayMs}ms`;
    render(heartIcon, heart);
    let done = false;
    const remove = (): void => {
      if (done) return;
      done = true;
      this.#live -= 1;
      heart.remove();
    };
    heart.addEventListener('animationend', remove, { once: true });
    // If animations never run (a background tab, animations off), do not pile up.
    setTimeout(remove, 3500 + delayMs);
    layer.append(heart);
  }
}
