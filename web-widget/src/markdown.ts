/**
 * The Markdown subset the assistant may send (contract: plain text or simple Markdown, never
 * HTML): **bold**, *italics*, [links](https://…), bare http(s) links, line breaks and simple
 * lists. Parsing is pure and produces a tree; rendering builds DOM nodes from it with
 * createElement/createTextNode only, so server text can never become markup.
 */
export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong' | 'em'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'br' };

export type Block = { t: 'p'; children: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };

const allowedProtocols = ['http:', 'https:', 'mailto:', 'tel:'];

/** The normalised URL when it is absolute and http, https, mailto or tel; null otherwise (javascript:, data:, relative…). */
export function safeHref(raw: string): string | null {
  // The URL parser strips control characters and whitespace, so "java\tscript:" is seen as the browser would see it.
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return allowedProtocols.includes(url.protocol) ? url.href : null;
}

/**
 * Resolves the server's root-relative Markdown links (`[privacyverklaring](/privacy)`) against the
 * server's base URL, so they open the server's page and not one of the host page; the result
 * still has to pass safeHref.
 */
export function resolveServerLinks(src: string, base: string): string {
  return src.replace(/\]\((\/(?!\/)[^\s)]*)\)/g, (whole, path: string) => {
    try {
      return `](${new URL(path, base).href})`;
    } catch {
      return whole;
    }
  });
}

const bareUrl = /^https?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/;
const wordChar = /[\p{L}\p{N}]/u;

/** Parses inline Markdown: emphasis, links, escapes; anything else stays text. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ t: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const rest = src.slice(i);
    if (c === '\\' && i + 1 < src.length && /[\\*_[\]()`#+\-.!>~|]/.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '*' || c === '_') {
      const prev = src[i - 1] ?? '';
      // Underscores inside words (kees_van_dijk@…) are not emphasis.
      if (!(c === '_' && wordChar.test(prev))) {
        const marker = src[i + 1] === c ? c + c : c;
        const close = findClose(src, i + marker.length, marker);
        if (close > i + marker.length) {
          flush();
          out.push({ t: marker.length === 2 ? 'strong' : 'em', children: parseInline(src.slice(i + marker.length, close)) });
          i = close + marker.length;
          continue;
        }
      }
    }
    if (c === '[') {
      const m = /^\[([^\]\n]+)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\s*\)/.exec(rest);
      if (m?.[1] && m[2] !== undefined) {
        const href = safeHref(m[2].replace(/^<|>$/g, ''));
        flush();
        // A link to a refused URL keeps only its words: the patient sees no dead or dangerous link.
        if (href) out.push({ t: 'link', href, children: parseInline(m[1]) });
        else out.push(...parseInline(m[1]));
        i += m[0].length;
        continue;
      }
    }
    if ((c === 'h' || c === 'H') && !wordChar.test(src[i - 1] ?? '')) {
      const m = bareUrl.exec(rest);
      const href = m ? safeHref(m[0]) : null;
      if (m && href) {
        flush();
        out.push({ t: 'link', href, children: [{ t: 'text', text: m[0] }] });
        i += m[0].length;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  flush();
  return out;
}

/** Where the closing emphasis marker is, ignoring escaped ones; -1 when there is none. */
function findClose(src: string, from: number, marker: string): number {
  // Opening markers must be followed by non-space, closing ones preceded by non-space (CommonMark's flanking rule, simplified).
  if (/\s/.test(src[from] ?? ' ')) return -1;
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') {
      j++;
      continue;
    }
    if (src.startsWith(marker, j) && !/\s/.test(src[j - 1]!) && j > from) {
      // `**a*` must not close a single `*` at the first star of a double one.
      if (marker.length === 1 && src[j + 1] === marker) {
        j++;
        continue;
      }
      if (marker === '_' && wordChar.test(src[j + 1] ?? '')) continue;
      return j;
    }
  }
  return -1;
}

const bullet = /^\s{0,3}[-*•]\s+(.*)$/;
const numbered = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;

/** Parses a message into paragraphs (single newlines become line breaks) and simple lists. */
export function parseMarkdown(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list = null as { t: 'ul' | 'ol'; items: Inline[][] } | null;
  const endPara = () => {
    if (para.length) {
      const children: Inline[] = [];
      para.forEach((line, n) => {
        if (n) children.push({ t: 'br' });
        children.push(...parseInline(line));
      });
      blocks.push({ t: 'p', children });
    }
    para = [];
  };
  const endList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (const line of src.replace(/\r\n?/g, '\n').split('\n')) {
    const b = bullet.exec(line);
    const n = b ? null : numbered.exec(line);
    const item = b ?? n;
    if (item) {
      const t = b ? 'ul' : 'ol';
      endPara();
      if (list?.t !== t) {
        endList();
        list = { t, items: [] };
      }
      list.items.push(parseInline(item[1] ?? ''));
    } else if (line.trim() === '') {
      endPara();
      endList();
    } else {
      endList();
      para.push(line.trim());
    }
  }
  endPara();
  endList();
  return blocks;
}

/** The part of `document` the renderer needs (so tests can pass a small fake). */
export interface DomLike {
  createElement(tag: string): HTMLElement;
  createTextNode(text: string): Text;
}

function renderInline(doc: DomLike, nodes: Inline[], into: HTMLElement, newWindow: string): void {
  for (const n of nodes) {
    if (n.t === 'text') into.append(doc.createTextNode(n.text));
    else if (n.t === 'br') into.append(doc.createElement('br'));
    else {
      const el = doc.createElement(n.t === 'link' ? 'a' : n.t);
      if (n.t === 'link') {
        el.setAttribute('href', n.href);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
      renderInline(doc, n.children, el, newWindow);
      if (n.t === 'link' && newWindow) {
        const hint = doc.createElement('span');
        hint.className = 'vh';
        hint.append(doc.createTextNode(` (${newWindow})`));
        el.append(hint);
      }
      into.append(el);
    }
  }
}

/** Renders parsed Markdown into `into` with DOM APIs only; `newWindow` is the screen-reader hint on links. */
export function renderMarkdown(doc: DomLike, blocks: Block[], into: HTMLElement, newWindow = ''): void {
  for (const b of blocks) {
    const el = doc.createElement(b.t);
    if (b.t === 'p') renderInline(doc, b.children, el, newWindow);
    else
      for (const item of b.items) {
        const li = doc.createElement('li');
        renderInline(doc, item, li, newWindow);
        el.append(li);
      }
    into.append(el);
  }
}
