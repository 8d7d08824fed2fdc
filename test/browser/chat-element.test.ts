import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/chat.js';
import type { VitrineChat } from '../../src/components/chat/chat.js';
import type { ChatMessage } from '../../src/live/protocol.js';
import { freshShow, live, messageItems, messageTexts, resetIdentity, root, statusText, type, type StartedServer } from './chat-support.js';

let server: StartedServer;
before(async () => {
  // Generous limits: these tests are about the element, the limits have their own tests.
  server = await live<StartedServer>({
    action: 'start',
    options: { viewerIntervalMs: 200, reactionIntervalMs: 200, chat: { rateLimit: { messages: 1000, perSeconds: 1 } } },
  });
});
after(async () => {
  await live({ action: 'stop', id: server.id });
});

async function chatFor(show: string, url = server.url, extra = ''): Promise<VitrineChat> {
  const chat = await fixture<VitrineChat>(html`<vitrine-chat live-server=${url} show=${show} token=${extra}></vitrine-chat>`);
  await waitUntil(() => chat.live?.store.status.get() === 'connected', 'chat connected', { timeout: 10_000 });
  await chat.updateComplete;
  return chat;
}

describe('<vitrine-chat>', () => {
  beforeEach(() => resetIdentity('Anna'));

  it('shows what others write, as text, and what the shopper writes, pending then sent', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">'] });
    await waitUntil(() => messageItems(chat).length === 2, 'two messages');
    expect(messageTexts(chat)).to.deep.equal(['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">']);
    expect(root(chat).querySelector('.messages img, .messages script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(messageItems(chat)[0]!.querySelector('[part="author"]')!.textContent).to.equal('Ben');

    const sends: string[] = [];
    chat.addEventListener('vitrine-chat-send', (event) => sends.push(event.detail.text));
    await type(chat, 'Does it come in blue?');
    await waitUntil(() => messageItems(chat).length === 3, 'own message shown');
    await waitUntil(() => !messageItems(chat)[2]!.matches('[part~="pending"]'), 'own message sent');
    expect(messageTexts(chat)[2]).to.equal('Does it come in blue?');
    expect(sends).to.deep.equal(['Does it come in blue?']);
    expect(root(chat).querySelector<HTMLInputElement>('[part="input"]')!.value).to.equal('');
  });

  it('limits the draft to the live server’s length in characters, an emoji counting as one', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    const input = root(chat).querySelector<HTMLInputElement>('[part="input"]')!;
    // 200 emoji are 200 characters for the server, 400 UTF-16 units for a native maxlength.
    expect(Number(input.getAttribute('maxlength'))).to.be.at.least(400);
    input.value = '😀'.repeat(250);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await chat.updateComplete;
    expect([...input.value].length).to.equal(200);
    expect(input.value).to.equal('😀'.repeat(200));
    root(chat).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await waitUntil(() => messageItems(chat).length === 1 && !messageItems(chat)[0]!.matches('[part~="pending"]'), 'sent');
    expect(messageItems(chat)[0]!.matches('[part~="failed"]')).to.equal(false);
    expect(messageTexts(chat)[0]).to.equal('😀'.repeat(200));
  });

  it('asks an anonymous viewer for a display name before the first message', async () => {
    resetIdentity(null);
    const show = freshShow();
    const chat = await chatFor(show);
    await type(chat, 'hello there');
    const form = root(chat).querySelector<HTMLFormElement>('[part="name-form"]');
    expect(form, 'name form').to.not.equal(null);
    const name = form!.querySelector('input')!;
    name.value = 'Zoë';
    form!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => messageTexts(chat).includes('hello there'), 'the waiting message is sent');
    await waitUntil(() => messageItems(chat)[0]!.querySelector('[part="author"]')!.textContent === 'Zoë');
    expect(localStorage.getItem('vitrine:name')).to.equal('Zoë');
  });

  it('asks again for a saved name the server refused, and clears it', async () => {
    const strict = await live<StartedServer>({ action: 'start', options: { chat: { blockedWords: ['scam'] } } });
    try {
      resetIdentity('Scam Bot');
      const chat = await chatFor(freshShow(), strict.url);
      expect(chat.live!.needsName).to.equal(true);
      expect(localStorage.getItem('vitrine:name')).to.equal('');
      await type(chat, 'first words');
      const form = root(chat).querySelector<HTMLFormElement>('[part="name-form"]');
      expect(form, 'name form').to.not.equal(null);
      form!.querySelector('input')!.value = 'Sam';
      form!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => messageTexts(chat).includes('first words') && !messageItems(chat)[0]!.matches('[part~="pending"]'), 'sent under the new name');
      expect(messageItems(chat)[0]!.querySelector('[part="author"]')!.textContent).to.equal('Sam');
    } finally {
      await live({ action: 'stop', id: strict.id });
    }
  });

  it('shows the name form when the server answers a message with name_required', async () => {
    resetIdentity(null);
    const chat = await chatFor(freshShow());
    expect(root(chat).querySelector('[part="name-form"]')).to.equal(null);
    // A message that reaches the server without a name (the page calls the connection itself).
    chat.live!.send('no name yet');
    await waitUntil(() => root(chat).querySelector('[part="name-form"]'), 'name form after name_required', { timeout: 10_000 });
  });

  it('shows a refused message as failed, with retry and remove', async () => {
    const limited = await live<StartedServer>({
      action: 'start',
      options: { chat: { blockedWords: ['scam'], rateLimit: { messages: 1, perSeconds: 2 } } },
    });
    try {
      const chat = await chatFor(freshShow(), limited.url);
      await type(chat, 'total scam');
      await waitUntil(() => messageItems(chat)[0]?.matches('[part~="failed"]'), 'failed');
      expect(messageItems(chat)[0]!.textContent).to.contain('not allowed');
      expect(messageItems(chat)[0]!.querySelector('[role="alert"]')).to.not.equal(null);
      messageItems(chat)[0]!.querySelectorAll<HTMLButtonElement>('button.link')[1]!.click();
      await waitUntil(() => messageItems(chat).length === 0, 'removed');

      await type(chat, 'one');
      await type(chat, 'two');
      await waitUntil(() => messageItems(chat)[1]?.matches('[part~="failed"]'), 'rate limited');
      expect(messageItems(chat)[1]!.textContent).to.match(/Slow down a little: try again in \d s/);
      // Retry (same message, same client id) until the limit lets it through.
      await waitUntil(
        () => {
          const item = messageItems(chat)[1]!;
          if (item.matches('[part~="failed"]')) item.querySelector<HTMLButtonElement>('button.link')!.click();
          return item.matches('[part="message"]');
        },
        'sent on retry',
        { interval: 400, timeout: 10_000 },
      );
      expect(messageTexts(chat)).to.deep.equal(['one', 'two']);
    } finally {
      await live({ action: 'stop', id: limited.id });
    }
  });

  it('removes deleted messages live and styles questions and host messages apart', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    const [bad] = await live<ChatMessage[]>({ action: 'say', id: server.id, show, as: 'Troll', text: 'buy my stuff' });
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: 'Size?', question: true });
    await live({ action: 'say', id: server.id, show, as: 'Lisa', role: 'host', text: 'Welcome everyone!' });
    await waitUntil(() => messageItems(chat).length === 3, 'three messages');
    const [, question, host] = messageItems(chat);
    expect(question!.getAttribute('part')).to.contain('question');
    expect(question!.textContent).to.contain('Question');
    expect(host!.getAttribute('part')).to.contain('host');
    expect(host!.textContent).to.contain('Host');
    expect(getComputedStyle(host!).backgroundColor).to.not.equal(getComputedStyle(question!).backgroundColor);

    await live({ action: 'delete', id: server.id, show, messageId: bad!.id });
    await waitUntil(() => messageItems(chat).length === 2, 'deleted message gone');
    expect(messageTexts(chat)).to.deep.equal(['Size?', 'Welcome everyone!']);
  });

  it('keeps at most 200 messages in the page', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    const texts = Array.from({ length: 230 }, (_, i) => `message ${i}`);
    await live({ action: 'say', id: server.id, show, as: 'Host', role: 'host', text: texts });
    await waitUntil(() => messageTexts(chat).at(-1) === 'message 229', 'last message', { timeout: 20_000 });
    expect(messageItems(chat).length).to.equal(200);
    expect(messageTexts(chat)[0]).to.equal('message 30');
  });

  it('stops following while scrolled up and offers a "new messages" button', async () => {
    const show = freshShow();
    const chat = await fixture<VitrineChat>(html`<div style="height: 320px"><vitrine-chat live-server=${server.url} show=${show}></vitrine-chat></div>`).then((div) => div.querySelector('vitrine-chat')!);
    await waitUntil(() => chat.live?.store.status.get() === 'connected');
    await live({ action: 'say', id: server.id, show, as: 'Host', role: 'host', text: Array.from({ length: 40 }, (_, i) => `line ${i}`) });
    await waitUntil(() => messageItems(chat).length === 40);
    const list = root(chat).querySelector<HTMLElement>('[part="messages"]')!;
    await waitUntil(() => list.scrollHeight - list.scrollTop - list.clientHeight < 2, 'follows the bottom');
    list.dispatchEvent(new WheelEvent('wheel', { deltaY: -2000, bubbles: true }));
    list.scrollTop = 0;
    list.dispatchEvent(new Event('scroll'));
    await chat.updateComplete;
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: ['new 1', 'new 2'] });
    await waitUntil(() => root(chat).querySelector('[part="new-messages"]')?.textContent?.includes('2 new messages'), 'pill');
    expect(list.scrollTop).to.equal(0);
    expect(messageTexts(chat)).to.not.include('new 1');
    root(chat).querySelector<HTMLButtonElement>('[part="new-messages"]')!.click();
    await waitUntil(() => messageTexts(chat).at(-1) === 'new 2', 'caught up');
    await waitUntil(() => list.scrollHeight - list.scrollTop - list.clientHeight < 2, 'back at the bottom');
    expect(root(chat).querySelector('[part="new-messages"]')).to.equal(null);
  });

  it('shows the viewer count and floats hearts for reactions', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: 'hi' });
    await waitUntil(() => root(chat).querySelector('[part="viewer-count"]')?.getAttribute('aria-label') === '2 viewers', 'two viewers');
    expect(root(chat).querySelector('[part="viewer-count"]')!.textContent!.trim()).to.equal('2');

    root(chat).querySelector<HTMLButtonElement>('[part="reactions-button"]')!.click();
    expect(root(chat).querySelectorAll('[part="heart"]').length).to.equal(1);
    await live({ action: 'react', id: server.id, show, as: 'Ben', count: 3 });
    await waitUntil(() => root(chat).querySelectorAll('[part="heart"]').length >= 3, 'hearts from others');
  });

  it('announces chat politely, in summaries, not per message', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    const region = root(chat).querySelector('[aria-live="polite"][aria-atomic="true"]')!;
    const changes: string[] = [];
    new MutationObserver(() => changes.push(region.textContent ?? '')).observe(region, { childList: true, subtree: true, characterData: true });
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: 'first' });
    await waitUntil(() => changes.at(-1)?.includes('Ben: first'), 'first announced');
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: Array.from({ length: 25 }, (_, i) => `burst ${i}`) });
    await waitUntil(() => changes.at(-1)?.includes('25 new messages'), 'one summary of the burst', { timeout: 10_000 });
    expect(changes.filter((text) => text.trim() !== '')).to.have.length(2);
    expect(changes.at(-1)).to.contain('burst 24');
  });

  it('shows "reconnecting…" during a drop and recovers the missed messages once', async () => {
    const show = freshShow();
    const chat = await chatFor(show, server.proxyUrl);
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: 'before' });
    await waitUntil(() => messageItems(chat).length === 1);
    await live({ action: 'drop', id: server.id, ms: 3000 });
    await waitUntil(() => statusText(chat) === 'Reconnecting…', 'reconnecting shown');
    await live({ action: 'say', id: server.id, show, as: 'Ben', text: ['missed 1', 'missed 2'] });
    await waitUntil(() => chat.live!.store.status.get() === 'connected', 'back', { timeout: 20_000 });
    await waitUntil(() => messageItems(chat).length === 3, 'missed messages arrive');
    expect(messageTexts(chat)).to.deep.equal(['before', 'missed 1', 'missed 2']);
    expect(statusText(chat)).to.equal('');
  });

  it('comes back by itself after the server restarts mid-show', async () => {
    const own = await live<StartedServer>({ action: 'start' });
    try {
      const show = freshShow();
      const chat = await chatFor(show, own.url);
      await type(chat, 'before restart');
      await waitUntil(() => messageItems(chat)[0]?.matches('[part~="pending"]') === false);
      await live({ action: 'restart', id: own.id });
      await waitUntil(() => chat.live!.store.status.get() !== 'connected', 'noticed', { timeout: 10_000 });
      await waitUntil(() => chat.live!.store.status.get() === 'connected', 'reconnected', { timeout: 20_000 });
      await type(chat, 'after restart');
      await waitUntil(() => messageTexts(chat).join('|') === 'before restart|after restart' && !messageItems(chat)[1]!.matches('[part~="pending"]'), 'sent after restart');
    } finally {
      await live({ action: 'stop', id: own.id });
    }
  });

  it('says the chat is unavailable when the server refuses the token', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(String(message));
    try {
      const chat = await fixture<VitrineChat>(html`<vitrine-chat live-server=${server.url} show=${freshShow()} token="not.a.token"></vitrine-chat>`);
      await waitUntil(() => chat.live?.store.status.get() === 'refused', 'refused');
      await chat.updateComplete;
      expect(statusText(chat)).to.equal('The chat is not available right now.');
      expect(root(chat).querySelector('[part="input"]')).to.equal(null);
      expect(warnings.some((w) => w.includes('<vitrine-chat>') && w.includes('refused'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('keeps the moderation buttons reachable by keyboard, shown when focused', async () => {
    const show = freshShow();
    const token = await live<string>({ action: 'token', id: server.id, show, role: 'host', as: 'Lisa' });
    const chat = await chatFor(show, server.url, token);
    await live({ action: 'say', id: server.id, show, as: 'Troll', text: ['spam'] });
    await waitUntil(() => messageItems(chat)[0]?.querySelector('.mod button'), 'moderation tools loaded', { timeout: 10_000 });
    const mod = messageItems(chat)[0]!.querySelector<HTMLElement>('.mod')!;
    const button = mod.querySelector<HTMLButtonElement>('button')!;
    button.focus();
    expect(root(chat).activeElement).to.equal(button);
    await waitUntil(() => getComputedStyle(mod).opacity === '1', 'shown while focused');
    button.blur();
    await waitUntil(() => getComputedStyle(mod).opacity === '0', 'hidden again');
  });

  it('comes back to life when put back in the page after it was removed', async () => {
    const show = freshShow();
    const chat = await chatFor(show);
    const parent = chat.parentElement!;
    chat.remove();
    await waitUntil(async () => (await live<number>({ action: 'clients', id: server.id, show })) === 0, 'closed when removed');
    expect(chat.live).to.equal(null);
    parent.append(chat);
    await waitUntil(() => chat.live?.store.status.get() === 'connected', 'connected again', { timeout: 10_000 });
    expect(await live<number>({ action: 'clients', id: server.id, show })).to.equal(1);
  });

  it('gives hosts moderation buttons that work', async () => {
    const show = freshShow();
    const token = await live<string>({ action: 'token', id: server.id, show, role: 'host', as: 'Lisa' });
    const chat = await chatFor(show, server.url, token);
    await live({ action: 'say', id: server.id, show, as: 'Troll', text: ['spam one', 'spam two'] });
    await waitUntil(() => messageItems(chat).length === 2);
    // The moderation tools are staff-only code, loaded once the chat knows it is a host.
    await waitUntil(() => messageItems(chat)[0]!.querySelectorAll('.mod button').length === 4, 'moderation buttons');
    const mod = messageItems(chat)[0]!.querySelector('.mod')!;
    expect(getComputedStyle(mod).position, 'the moderation styles are adopted').to.equal('absolute');
    const buttons = [...messageItems(chat)[0]!.querySelectorAll<HTMLButtonElement>('.mod button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Pin message from Troll for everyone',
      'Delete message from Troll',
      'Mute Troll for 5 minutes',
      'Ban Troll',
    ]);
    buttons[3]!.click();
    await chat.updateComplete;
    expect(messageItems(chat)[0]!.querySelector('.armed')?.getAttribute('aria-label')).to.equal('Click again to ban Troll');
    messageItems(chat)[0]!.querySelector<HTMLButtonElement>('.armed')!.click();
    await waitUntil(() => messageItems(chat).length === 0, 'banned user purged');
  });

  it('opens no connection without live-server and show, and closes its own when removed', async () => {
    const empty = await fixture<VitrineChat>(html`<vitrine-chat></vitrine-chat>`);
    expect(empty.live).to.equal(null);
    const show = freshShow();
    const chat = await chatFor(show);
    const connection = chat.live!;
    chat.remove();
    await waitUntil(() => connection.store.status.get() === 'offline', 'closed after removal');
  });
});
