import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/show.js';
import type { VitrineShow } from '../../src/components/show/show.js';
import type { VitrineChat } from '../../src/components/chat/chat.js';
import { freshShow, live, messageTexts, resetIdentity, type StartedServer } from './chat-support.js';

let server: StartedServer;
before(async () => {
  server = await live<StartedServer>({ action: 'start' });
});
after(async () => {
  await live({ action: 'stop', id: server.id });
});
beforeEach(() => resetIdentity('Anna'));

const chatOf = (show: VitrineShow): VitrineChat | null => show.shadowRoot!.querySelector('vitrine-chat');

describe('<vitrine-show> with a live server', () => {
  it('removed while its code loads: no connection until it is back in the page', async () => {
    const id = freshShow('show');
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" live-server=${server.url} show=${id} title="Live"></vitrine-show>`);
    const parent = show.parentElement!;
    const loading = show.load();
    show.remove();
    const view = (await loading)!;
    await view.updateComplete;
    expect(view.live.connection).to.equal(null);
    expect(await live<number>({ action: 'clients', id: server.id, show: id })).to.equal(0);
    parent.append(show);
    await waitUntil(async () => (await live<number>({ action: 'clients', id: server.id, show: id })) === 1, 'connected once back', { timeout: 10_000 });
    show.remove();
    await waitUntil(async () => (await live<number>({ action: 'clients', id: server.id, show: id })) === 0, 'closed when removed', { timeout: 10_000 });
  });

  it('opens one connection and hands it to its chat', async () => {
    const id = freshShow('show');
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" layout="vertical" live-server=${server.url} show=${id} title="Live"></vitrine-show>`);
    const view = (await show.load())!;
    const connection = view.live.connection!;
    expect(connection).to.not.equal(null);
    await waitUntil(() => chatOf(show)?.shadowRoot?.querySelector('[part="base"]'), 'chat rendered');
    const chat = chatOf(show)!;
    expect(chat.connection).to.equal(connection);
    expect(chat.live).to.equal(connection);
    expect(chat.hasAttribute('overlay')).to.equal(true);
    expect(view.stores.live).to.equal(connection.store);
    await waitUntil(() => connection.store.status.get() === 'connected', 'connected');
    await live({ action: 'say', id: server.id, show: id, as: 'Ben', text: 'hello show' });
    await waitUntil(() => messageTexts(chat).includes('hello show'), 'message in the show chat');

    const toggle = show.shadowRoot!.querySelector<HTMLButtonElement>('[part="chat-toggle"]')!;
    // One label; the state is aria-pressed (a label that also flipped would say the opposite).
    expect(toggle.getAttribute('aria-label')).to.equal('Chat');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await view.updateComplete;
    expect(chat.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-label')).to.equal('Chat');
  });

  it('gives two widgets on one page two connections that share nothing', async () => {
    const id = freshShow('show');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <vitrine-show loading="interaction" live-server=${server.url} show=${id}></vitrine-show>
      <vitrine-show loading="interaction" live-server=${server.url} show=${id}></vitrine-show>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('vitrine-show')];
    const [a, b] = await Promise.all([first!.load(), second!.load()]);
    expect(a!.live.connection).to.not.equal(b!.live.connection);
    expect(a!.stores.live).to.not.equal(b!.stores.live);
    await waitUntil(() => a!.live.connection!.store.status.get() === 'connected' && b!.live.connection!.store.status.get() === 'connected');
    expect(await live<number>({ action: 'clients', id: server.id, show: id })).to.equal(2);
  });

  it('has no chat and no connection without a live server', async () => {
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" show="no-server"></vitrine-show>`);
    const view = (await show.load())!;
    await view.updateComplete;
    expect(view.live.connection).to.equal(null);
    expect(chatOf(show)).to.equal(null);
  });

  it('keeps the connection when moved in the page and closes it when removed', async () => {
    const id = freshShow('show');
    const show = await fixture<VitrineShow>(html`<vitrine-show loading="interaction" live-server=${server.url} show=${id}></vitrine-show>`);
    const view = (await show.load())!;
    const connection = view.live.connection!;
    await waitUntil(() => connection.store.status.get() === 'connected');
    const parent = show.parentElement!;
    parent.append(document.createElement('p'), show); // a move: disconnected then connected again
    await Promise.resolve();
    await view.updateComplete;
    expect(view.live.connection).to.equal(connection);
    expect(connection.store.status.get()).to.equal('connected');
    show.remove();
    await waitUntil(() => connection.store.status.get() === 'offline', 'closed');
  });
});
