import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/show.js';
import { VitrineShow } from '../../src/components/show/show.js';
import { reserveRules } from './reserve-rules.js';

// <vitrine-show><img slot="poster"></vitrine-show>: the page's own poster is painted from the HTML
// before Vitrine's script runs (the README's rules place it), stays in the very same box when the
// element upgrades to the facade (no layout shift), wins over the `poster` attribute, and hands
// the source the browser chose to the loaded widget's player.

type Box = { left: number; top: number; width: number; height: number };
const box = (element: Element): Box => {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
};
const near = (a: Box, b: Box, what: string): void => {
  for (const key of ['left', 'top', 'width', 'height'] as const) expect(a[key], `${what}: ${key}`).to.be.closeTo(b[key], 0.5);
};
const frames = async (count = 2): Promise<void> => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
};

function posterImage(src = '/hls/vod/poster-720.webp'): HTMLImageElement {
  const img = document.createElement('img');
  img.slot = 'poster';
  img.alt = '';
  img.width = 1280;
  img.height = 720;
  img.src = src;
  return img;
}

/** `img` inside a `<picture slot="poster">` (the slot moves from the image to the picture). */
function posterPicture(img: HTMLImageElement): HTMLPictureElement {
  const picture = document.createElement('picture');
  picture.slot = 'poster';
  img.removeAttribute('slot');
  const source = document.createElement('source');
  source.type = 'image/avif';
  source.srcset = '/hls/vod/poster-720.avif';
  picture.append(source, img);
  return picture;
}

/** Collects the layout shifts reported while it runs. */
function watchShifts(): { stop: () => Promise<number> } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
  });
  observer.observe({ type: 'layout-shift' });
  return {
    async stop() {
      await frames(3);
      for (const entry of observer.takeRecords() as (PerformanceEntry & { value: number })[]) total += entry.value;
      observer.disconnect();
      return total;
    },
  };
}

function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (message: unknown) => warnings.push(String(message));
  return { warnings, restore: () => (console.warn = original) };
}

let tags = 0;

describe('<vitrine-show> slotted poster, before and after the element is defined', () => {
  const cases: [string, number, 'img' | 'picture'][] = [
    ['products="/feed.json" live-server="/" show="s"', 1000, 'img'],
    ['products="/feed.json" live-server="/" show="s"', 600, 'img'],
    ['', 500, 'img'],
    ['layout="vertical" products="/feed.json" live-server="/" show="s"', 360, 'img'],
    ['products="/feed.json" live-server="/" show="s"', 600, 'picture'],
    ['layout="vertical" products="/feed.json" live-server="/" show="s"', 360, 'picture'],
  ];
  for (const [attributes, width, kind] of cases) {
    it(`is painted in the video's box before the script runs and does not move on upgrade: ${attributes || 'no attributes'}, ${width} px, <${kind}>`, async () => {
      tags += 1;
      const tag = `vitrine-show-late-${tags}`;
      const sheet = await reserveRules(tag);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        const container = await fixture<HTMLElement>(html`<div style=${`width: ${width}px`}></div>`);
        const show = document.createElement(tag);
        show.setAttribute('loading', 'interaction');
        for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) show.setAttribute(name!, value!);
        const img = posterImage();
        // A <picture slot="poster"> is placed like an <img>; the page's rules make its image fill it.
        const slotted = kind === 'img' ? img : posterPicture(img);
        show.append(slotted);
        container.append(show);
        await img.decode();
        await frames();

        // Not defined yet: the page's rules put the poster over the reserved video box.
        expect(show.matches(':defined')).to.equal(false);
        const before = box(img);
        near(box(slotted), before, 'the picture is the box of its image');
        expect(before.width).to.be.greaterThan(0);
        const hostBefore = box(show);
        const shifts = watchShifts();

        customElements.define(tag, class extends VitrineShow {});
        const root = show.shadowRoot!;
        expect(root, 'upgraded').to.not.equal(null);
        await frames();

        // Defined: the same element, now in the facade's poster slot, in the very same box.
        expect(slotted.assignedSlot?.name).to.equal('poster');
        expect(slotted.assignedSlot?.getRootNode()).to.equal(root);
        expect(slotted.parentElement).to.equal(show);
        near(box(img), before, 'poster');
        near(box(show), hostBefore, 'widget');
        near(box(root.querySelector('[part="stage"]')!), before, 'stage');
        expect(root.querySelector('img'), 'no second poster image').to.equal(null);
        expect(await shifts.stop(), 'layout shift').to.equal(0);
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });
  }
});

describe('<vitrine-show> slotted poster and the poster attribute', () => {
  it('wins over the poster attribute, whose image is then not fetched at all', async () => {
    const unused = `/hls/vod/poster.jpg?unused=${Date.now()}`;
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" poster=${unused}>${posterImage()}</vitrine-show>`);
    const root = show.shadowRoot!;
    expect(root.querySelector('img[part="poster"]')).to.equal(null);
    expect(root.querySelector<HTMLSlotElement>('slot[name="poster"]')!.assignedElements()).to.have.length(1);
    await frames();
    expect(performance.getEntriesByName(new URL(unused, location.href).href)).to.have.length(0);
  });

  it('the poster attribute alone still draws the facade poster and becomes the player poster', async () => {
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" poster="/hls/vod/poster.jpg" src="/no-stream/master.m3u8"></vitrine-show>`);
    const poster = show.shadowRoot!.querySelector<HTMLImageElement>('img[part="poster"]')!;
    expect(poster.src).to.match(/\/hls\/vod\/poster\.jpg$/);
    const view = (await show.load())!;
    await view.updateComplete;
    const player = view.player!;
    await player.updateComplete;
    expect(player.video.poster).to.match(/\/hls\/vod\/poster\.jpg$/);
  });

  it('a poster slotted after the facade was drawn takes the attribute poster’s place', async () => {
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" poster="/hls/vod/poster.jpg"></vitrine-show>`);
    const root = show.shadowRoot!;
    expect(root.querySelector('img[part="poster"]')).to.not.equal(null);
    const img = posterImage();
    show.append(img);
    await waitUntil(() => root.querySelector('img[part="poster"]') === null, 'the facade drops its own poster');
    expect(img.assignedSlot?.name).to.equal('poster');
    // And back: without the slotted poster, the attribute's image returns.
    img.remove();
    await waitUntil(() => root.querySelector('img[part="poster"]') !== null, 'the facade draws the attribute poster again');
  });

  it('once the widget loads, the player shows the source the browser chose, and the page keeps its element', async () => {
    const img = posterImage('/hls/vod/poster-960.webp');
    img.srcset = '/hls/vod/poster-720.webp 720w, /hls/vod/poster-960.webp 960w';
    img.sizes = '300px';
    const show = await fixture<VitrineShow>(html`<div style="width: 300px"><vitrine-show loading="interaction" poster="/hls/vod/poster.jpg" src="/no-stream/master.m3u8">${img}</vitrine-show></div>`).then(
      (div) => div.querySelector('vitrine-show') as VitrineShow,
    );
    await img.decode();
    const chosen = img.currentSrc;
    expect(chosen).to.match(/\/hls\/vod\/poster-(720|960)\.webp$/);
    const before = box(img);
    const view = (await show.load())!;
    await view.updateComplete;
    const player = view.player!;
    await player.updateComplete;
    expect(player.video.poster).to.equal(chosen);
    expect(img.parentElement, 'the page element stays').to.equal(show);
    expect(img.assignedSlot, 'not drawn twice').to.equal(null);
    near(box(player.video), before, 'video over the poster box');
  });
});

describe('<vitrine-show> poster as a <picture>', () => {
  it('hands the player the source the browser chose inside a slotted <picture>', async () => {
    const picture = document.createElement('picture');
    picture.slot = 'poster';
    const source = document.createElement('source');
    source.type = 'image/webp';
    source.srcset = '/hls/vod/poster-720.webp';
    const img = document.createElement('img');
    img.src = '/hls/vod/poster.jpg';
    img.alt = '';
    picture.append(source, img);
    const show = await fixture<VitrineShow>(html`<div style="width: 300px"><vitrine-show loading="interaction" src="/no-stream/master.m3u8">${picture}</vitrine-show></div>`).then(
      (div) => div.querySelector('vitrine-show') as VitrineShow,
    );
    await img.decode();
    expect(img.currentSrc).to.match(/\/hls\/vod\/poster-720\.webp$/);
    const view = (await show.load())!;
    await view.updateComplete;
    await view.player!.updateComplete;
    expect(view.player!.video.poster).to.equal(img.currentSrc);
  });
});

describe('<vitrine-show> poster URLs from outside', () => {
  it('a javascript: poster attribute is still refused with a warning; a slotted poster still shows', async () => {
    const capture = captureWarnings();
    let show: VitrineShow;
    try {
      show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" poster="javascript:alert(1)">${posterImage()}</vitrine-show>`);
    } finally {
      capture.restore();
    }
    expect(capture.warnings.filter((w) => w.includes('attribute "poster"'))).to.have.length(1);
    expect(capture.warnings.find((w) => w.includes('attribute "poster"'))).to.contain('Ignored (the slotted poster shows)');
    expect(show.shadowRoot!.querySelector('img')).to.equal(null);
    expect(show.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="poster"]')!.assignedElements()).to.have.length(1);
  });

  it('a slotted image whose source is not http(s) is never handed to the player', async () => {
    const img = posterImage('javascript:alert(1)');
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" src="/no-stream/master.m3u8">${img}</vitrine-show>`);
    const view = (await show.load())!;
    await view.updateComplete;
    const player = view.player!;
    await player.updateComplete;
    expect(player.poster).to.equal('');
    expect(player.video.getAttribute('poster') ?? '').to.equal('');
  });
});
