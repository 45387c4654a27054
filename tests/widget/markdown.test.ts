import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown, safeHref, type DomLike } from '../../web-widget/src/markdown.ts';

/** A DOM stand-in with no innerHTML at all: what renders here can only be elements and text. */
class FakeElement {
  readonly attrs: Record<string, string> = {};
  readonly children: (FakeElement | { text: string })[] = [];
  className = '';
  constructor(readonly tag: string) {}
  setAttribute(k: string, v: string) {
    this.attrs[k] = v;
  }
  append(...nodes: (FakeElement | { text: string })[]) {
    this.children.push(...nodes);
  }
}
const doc = { createElement: (tag: string) => new FakeElement(tag), createTextNode: (text: string) => ({ text }) } as unknown as DomLike;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function html(node: FakeElement | { text: string }): string {
  if ('text' in node) return esc(node.text);
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('') + (node.className ? ` class="${node.className}"` : '');
  return node.tag === 'br' ? '<br>' : `<${node.tag}${attrs}>${node.children.map(html).join('')}</${node.tag}>`;
}
const md = (src: string, newWindow = '') => {
  const root = new FakeElement('div');
  renderMarkdown(doc, parseMarkdown(src), root as unknown as HTMLElement, newWindow);
  return root.children.map(html).join('');
};
const link = (href: string, text: string) => `<a href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>`;

describe('Markdown subset', () => {
  it.each([
    ['plain text', 'Hallo', '<p>Hallo</p>'],
    ['bold', 'Dit is **belangrijk**.', '<p>Dit is <strong>belangrijk</strong>.</p>'],
    ['bold with underscores', '__vet__', '<p><strong>vet</strong></p>'],
    ['italics', 'Een *schatting* en _nog een_', '<p>Een <em>schatting</em> en <em>nog een</em></p>'],
    ['bold containing italics', '**heel *erg* vet**', '<p><strong>heel <em>erg</em> vet</strong></p>'],
    ['a lone star is text', '5 * 3 = 15 en 2*', '<p>5 * 3 = 15 en 2*</p>'],
    ['underscores inside words are text', 'mail kees_van_dijk@example.nl', '<p>mail kees_van_dijk@example.nl</p>'],
    ['escaped markers are text', 'Geen \\*nadruk\\*', '<p>Geen *nadruk*</p>'],
    ['line breaks', 'Regel een\nRegel twee', '<p>Regel een<br>Regel twee</p>'],
    ['paragraphs', 'Een\n\nTwee', '<p>Een</p><p>Twee</p>'],
    ['bullet list', 'Kies:\n- Ja\n- **Nee**', '<p>Kies:</p><ul><li>Ja</li><li><strong>Nee</strong></li></ul>'],
    ['numbered list', '1. Eerst\n2) Dan', '<ol><li>Eerst</li><li>Dan</li></ol>'],
    ['bullet then text', '• een\nna de lijst', '<ul><li>een</li></ul><p>na de lijst</p>'],
  ])('%s', (_name, src, expected) => {
    expect(md(src)).toBe(expected);
  });

  it('links: http, https, mailto and tel, opening safely in a new window', () => {
    expect(md('[Zorgwijzer](https://www.zorgwijzer.nl/x?a=1&b=2)')).toBe(`<p>${link('https://www.zorgwijzer.nl/x?a=1&amp;b=2', 'Zorgwijzer')}</p>`);
    expect(md('[mail ons](mailto:info@example.nl) of [bel](tel:+31201234567)')).toBe(`<p>${link('mailto:info@example.nl', 'mail ons')} of ${link('tel:+31201234567', 'bel')}</p>`);
    expect(md('Zie https://www.nza.nl/treeknormen.')).toBe(`<p>Zie ${link('https://www.nza.nl/treeknormen', 'https://www.nza.nl/treeknormen')}.</p>`);
    expect(md('[**vet**](http://example.nl)')).toBe(`<p>${link('http://example.nl/', '<strong>vet</strong>')}</p>`);
  });

  it('tells screen readers that a link opens a new window', () => {
    expect(md('[NZa](https://www.nza.nl)', 'opent in een nieuw venster')).toBe('<p><a href="https://www.nza.nl/" target="_blank" rel="noopener noreferrer">NZa<span class="vh"> (opent in een nieuw venster)</span></a></p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative',
    '&#106;avascript:alert(1)',
  ])('refuses the link %j and keeps only its words', (href) => {
    expect(safeHref(href)).toBeNull();
    const out = md(`[klik](${href})`);
    expect(out).not.toContain('<a');
    expect(out).toMatch(/^<p>(klik|\[klik\]\(.*\))<\/p>$/s);
  });

  it('shows HTML as text, never as markup', () => {
    expect(md('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(md('<script>alert(1)</script> **<b>vet</b>**')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;b&gt;vet&lt;/b&gt;</strong></p>');
    expect(md('[<svg onload=alert(1)>](https://example.nl)')).toBe(`<p>${link('https://example.nl/', '&lt;svg onload=alert(1)&gt;')}</p>`);
    expect(md('[x](https://example.nl/"onmouseover="alert(1))')).toBe(`<p>${link('https://example.nl/%22onmouseover=%22alert(1)', 'x')}</p>`);
  });

  it('does not autolink text that only looks like a link', () => {
    expect(md('javascript:alert(1) en xhttps://example.nl')).toBe('<p>javascript:alert(1) en xhttps://example.nl</p>');
  });

  it('handles long hostile input in linear-ish time', () => {
    const start = performance.now();
    md('*'.repeat(5000) + '_'.repeat(5000) + '['.repeat(2000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("the server's own relative links", () => {
  it('open the server page (same origin as the widget), never one of the host page; other hrefs still pass safeHref', async () => {
    const { resolveServerLinks } = await import('../../web-widget/src/markdown.ts');
    const src = resolveServerLinks('Lees de [privacyverklaring](/privacy) of [dit](javascript:alert(1)) en [x](//evil.example/a).', 'https://chat.insurer.example/');
    expect(src).toBe('Lees de [privacyverklaring](https://chat.insurer.example/privacy) of [dit](javascript:alert(1)) en [x](//evil.example/a).');
    const links = JSON.stringify(parseMarkdown(src));
    expect(links).toContain('"href":"https://chat.insurer.example/privacy"');
    expect(links).not.toContain('javascript:');
    expect(links).not.toContain('evil.example');
  });
});
