import { describe, expect, it } from 'vitest';
import { absoluteLinks } from '../../bot/channels/directline/adapter.ts';
import { AdaptivePoll, InProcessNotifier } from '../../bot/channels/directline/notifier.ts';
import { allowHeadersFor } from '../../bot/channels/directline/routes.ts';

describe('the stream polls the database adaptively', () => {
  it('soon after activity, doubling while quiet up to the maximum', () => {
    const poll = new AdaptivePoll(500, 8000);
    expect([poll.next(), poll.next(), poll.next(), poll.next(), poll.next(), poll.next()]).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    poll.activity();
    expect(poll.next()).toBe(500);
  });

  it('only as a slow safety net when notices already reach it from other instances, with one quick look after activity', () => {
    const poll = new AdaptivePoll(500, 8000, true);
    expect(poll.next()).toBe(8000);
    poll.activity();
    expect([poll.next(), poll.next(), poll.next()]).toEqual([500, 8000, 8000]);
  });
});

describe('the in-process activity notifier', () => {
  it('wakes the subscribers of that conversation only, until they unsubscribe', () => {
    const n = new InProcessNotifier();
    const woken: string[] = [];
    const off = n.subscribe('a', () => woken.push('a'));
    n.subscribe('b', () => woken.push('b'));
    n.notify('a');
    off();
    n.notify('a');
    expect(woken).toEqual(['a']);
    expect(n.crossInstance).toBe(false);
  });
});

describe("the assistant's links", () => {
  it('become absolute against the public base; absolute, protocol-relative and other text stay', () => {
    const text = 'Lees de [privacyverklaring](/privacy). Zie [Zorginstituut](https://www.zorginstituutnederland.nl) en [x](//evil.example) of (/niet-een-link).';
    expect(absoluteLinks(text, 'https://chat.insurer.example/')).toBe(
      'Lees de [privacyverklaring](https://chat.insurer.example/privacy). Zie [Zorginstituut](https://www.zorginstituutnederland.nl) en [x](//evil.example) of (/niet-een-link).',
    );
    expect(absoluteLinks(text, undefined)).toBe(text);
  });
});

describe('CORS request headers', () => {
  it("grants Microsoft's x-ms-* headers and the fixed list, nothing else", () => {
    const granted = allowHeadersFor('X-Ms-Bot-Agent, x-ms-new-thing, x-evil, cookie').toLowerCase().split(', ');
    expect(granted).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-requested-with', 'x-ms-bot-agent', 'x-ms-new-thing']));
    expect(granted).not.toContain('x-evil');
    expect(granted).not.toContain('cookie');
  });
});
