// A streaming scanner for the restricted XML that XES files are: elements with attributes,
// comments, processing instructions (the XML declaration), a DOCTYPE without entity
// definitions, CDATA and text (both ignored: XES keeps everything in attributes). It works on
// decoded text chunks with indexOf and slices, one handler call per tag (saxes, which it
// replaces, made a call per character and was most of the import time).
//
// Checked, as a well-formedness error with line and column: tags that do not close in order,
// a close tag without an open one, a second root element, text outside the root element,
// malformed tags and attributes (unquoted values, `<` in a value, a missing `=`), undefined
// entities, and at the end a tag or an element left open. Not checked (accepted as written):
// the characters allowed in names, duplicate attributes, namespaces.
//
// Positions: line numbers are exact (counted over '\n'); columns count UTF-16 code units from
// the line start, 1-based, at the start of the offending tag (not at the offending character).

/** A well-formedness or limit error at `line`/`column`. */
export class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface ScanHandler {
  /**
   * An element opens; its attributes are `names[i]`/`values[i]` for i < `count` (arrays reused
   * between calls: copy what you keep). A self-closing element gets `close` right after.
   */
  open(name: string, names: string[], values: string[], count: number): void;
  close(name: string): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUEST = 63;
const AMP = '&';

const isWs = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Names that XES repeats on every line: returned as constants instead of a fresh slice each. */
const COMMON: string[][] = [];
for (const n of ['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container', 'values', 'event', 'trace', 'key', 'value']) {
  (COMMON[n.length] ??= []).push(n);
}

function name(s: string, from: number, to: number): string {
  const list = COMMON[to - from];
  if (list) for (const c of list) if (s.startsWith(c, from)) return c;
  return s.slice(from, to);
}

/** Marker: the token at the current position continues in the next chunk. */
const MORE = -1;

export class XmlScanner {
  private s = '';
  /** Line number and line start (index into `s`, may be negative) of position `counted`. */
  private lineNo = 1;
  private lineStart = 0;
  private counted = 0;
  private nextNl = -1;
  /** Start of the token being read (an error's position). */
  private tokenStart = 0;
  /** Characters of text read since the last tag (the current text run). */
  private textRun = 0;
  private readonly stack: string[] = [];
  private rootClosed = false;
  private sawRoot = false;
  private readonly names: string[] = [];
  private readonly values: string[] = [];

  constructor(
    private readonly h: ScanHandler,
    private readonly maxTokenChars: number,
  ) {}

  get depth(): number {
    return this.stack.length;
  }

  /** The line of the current token (the tag being handled). */
  get line(): number {
    this.countTo(this.tokenStart);
    return this.lineNo;
  }

  private countTo(p: number): void {
    if (p <= this.counted) return;
    const s = this.s;
    let nl = this.nextNl;
    if (nl < this.counted) nl = s.indexOf('\n', this.counted);
    while (nl >= 0 && nl < p) {
      this.lineNo++;
      this.lineStart = nl + 1;
      nl = s.indexOf('\n', nl + 1);
    }
    this.nextNl = nl < 0 ? Number.MAX_SAFE_INTEGER : nl;
    this.counted = p;
  }

  /** An error at the current token. */
  error(message: string): ScanError {
    this.countTo(this.tokenStart);
    return new ScanError(message, this.lineNo, this.tokenStart - this.lineStart + 1);
  }

  /** An error at the end of the text read so far. */
  errorAtEnd(message: string): ScanError {
    this.tokenStart = this.s.length;
    return this.error(message);
  }

  /** Scans the next piece of text; a token cut by the chunk's end is kept for the next call. */
  write(text: string): void {
    const s = this.s.length ? this.s + text : text;
    this.s = s;
    const len = s.length;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt < 0 ? len : lt;
      if (textEnd > pos) this.text(s, pos, textEnd);
      if (lt < 0) {
        pos = len;
        break;
      }
      this.tokenStart = lt;
      const end = this.tag(s, lt);
      if (end === MORE || end - lt > this.maxTokenChars) {
        if ((end === MORE ? len : end) - lt > this.maxTokenChars) {
          throw this.error(`aborted: a single XML token is longer than ${this.maxTokenChars} characters (limit)`);
        }
        pos = lt;
        break;
      }
      this.textRun = 0;
      pos = end;
    }
    // Keep the unfinished token; rebase positions onto it.
    this.countTo(pos);
    this.s = pos < len ? s.slice(pos) : '';
    this.lineStart -= pos;
    this.counted = 0;
    this.nextNl = -1;
    this.tokenStart = 0;
  }

  /** The end of the document: nothing may be left open. */
  end(): void {
    if (this.s.length) {
      this.tokenStart = 0;
      const head = this.s.slice(0, 40).replace(/\s+/g, ' ');
      throw this.error(`unclosed tag: the file ends inside "${head}${this.s.length > 40 ? '…' : ''}"`);
    }
    if (this.stack.length) {
      throw this.errorAtEnd(`unclosed tag: <${this.stack[this.stack.length - 1]}> is not closed when the file ends`);
    }
    if (!this.sawRoot) throw this.errorAtEnd('no root element');
  }

  private text(s: string, from: number, to: number): void {
    this.textRun += to - from;
    if (this.textRun > this.maxTokenChars) {
      this.tokenStart = from;
      throw this.error(`aborted: a single XML token is longer than ${this.maxTokenChars} characters (limit)`);
    }
    if (this.stack.length === 0) {
      for (let i = from; i < to; i++) {
        if (!isWs(s.charCodeAt(i))) {
          this.tokenStart = i;
          throw this.error(this.rootClosed ? 'text data outside of the root element' : 'text data before the root element');
        }
      }
    }
  }

  /** Reads the tag at `lt`; returns the position after it, or MORE. */
  private tag(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (c1 !== c1) return MORE; // NaN: end of the buffer
    if (c1 === SLASH) return this.closeTag(s, lt);
    if (c1 === QUEST) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? MORE : e + 2;
    }
    if (c1 === BANG) return this.markup(s, lt);
    return this.openTag(s, lt);
  }

  private markup(s: string, lt: number): number {
    const rest = s.length - lt;
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? MORE : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw this.error('CDATA outside of the root element');
      const e = s.indexOf(']]>', lt + 9);
      return e < 0 ? MORE : e + 3;
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      if (this.sawRoot) throw this.error('DOCTYPE after the root element');
      const gt = s.indexOf('>', lt);
      const br = s.indexOf('[', lt);
      if (br >= 0 && (gt < 0 || br < gt)) {
        // An internal subset: this scanner does not define entities, so it is skipped whole.
        const close = s.indexOf(']', br);
        if (close < 0) return MORE;
        const e = s.indexOf('>', close);
        return e < 0 ? MORE : e + 1;
      }
      return gt < 0 ? MORE : gt + 1;
    }
    if (rest < 9) return MORE;
    throw this.error('unexpected "<!": not a comment, CDATA or DOCTYPE');
  }

  private closeTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return MORE;
    let e = gt;
    while (e > lt + 2 && isWs(s.charCodeAt(e - 1))) e--;
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || e - lt - 2 !== top.length || !s.startsWith(top, lt + 2)) {
      const got = s.slice(lt + 2, e);
      throw this.error(`unexpected close tag </${got}>: ${top === undefined ? 'no element is open' : `<${top}> is open`}`);
    }
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
    this.h.close(top);
    return gt + 1;
  }

  private openTag(s: string, lt: number): number {
    const len = s.length;
    let i = lt + 1;
    for (;;) {
      if (i >= len) return MORE;
      const c = s.charCodeAt(i);
      if (isWs(c) || c === GT || c === SLASH) break;
      if (c === LT || c === EQ || c === QUOT || c === APOS) throw this.error(`disallowed character in a tag name: "${s[i]}"`);
      i++;
    }
    if (i === lt + 1) throw this.error('a "<" that does not start a tag (write &lt; in text)');
    const tag = name(s, lt + 1, i);
    const names = this.names;
    const values = this.values;
    let n = 0;
    let self = false;
    for (;;) {
      while (i < len && isWs(s.charCodeAt(i))) i++;
      if (i >= len) return MORE;
      let c = s.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= len) return MORE;
        if (s.charCodeAt(i + 1) !== GT) throw this.error(`malformed tag <${tag}>: "/" not followed by ">"`);
        i += 2;
        self = true;
        break;
      }
      if (n > 0 && !isWs(s.charCodeAt(i - 1))) throw this.error(`malformed tag <${tag}>: no whitespace between attributes`);
      const a = i;
      for (;;) {
        if (i >= len) return MORE;
        c = s.charCodeAt(i);
        if (c === EQ || isWs(c) || c === GT || c === SLASH || c === LT || c === QUOT || c === APOS) break;
        i++;
      }
      if (i === a) throw this.error(`malformed tag <${tag}>: unexpected "${s[i]}"`);
      const an = name(s, a, i);
      while (i < len && isWs(s.charCodeAt(i))) i++;
      if (i >= len) return MORE;
      if (s.charCodeAt(i) !== EQ) throw this.error(`malformed tag <${tag}>: attribute ${an} without a value`);
      i++;
      while (i < len && isWs(s.charCodeAt(i))) i++;
      if (i >= len) return MORE;
      const q = s.charCodeAt(i);
      if (q !== QUOT && q !== APOS) throw this.error(`malformed tag <${tag}>: the value of ${an} is not quoted`);
      const e = s.indexOf(q === QUOT ? '"' : "'", i + 1);
      if (e < 0) return MORE;
      let v = s.slice(i + 1, e);
      if (v.indexOf('<') >= 0) throw this.error(`malformed tag <${tag}>: "<" in the value of ${an}`);
      if (v.indexOf(AMP) >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\r') >= 0) v = this.attrValue(v, tag);
      names[n] = an;
      values[n] = v;
      n++;
      i = e + 1;
    }
    if (this.stack.length === 0) {
      if (this.rootClosed) throw this.error(`a second root element <${tag}>`);
      this.sawRoot = true;
    }
    this.stack.push(tag);
    this.h.open(tag, names, values, n);
    if (self) {
      this.stack.pop();
      if (this.stack.length === 0) this.rootClosed = true;
      this.h.close(tag);
    }
    return i;
  }

  /** Attribute-value normalisation (literal tab/newline → space) and entity references. */
  private attrValue(raw: string, tag: string): string {
    const v = raw.replace(/\r\n|[\r\n\t]/g, ' ');
    if (v.indexOf(AMP) < 0) return v;
    return v.replace(/&([^;&]*);?/g, (m, ref: string) => {
      if (!m.endsWith(';')) throw this.error(`malformed tag <${tag}>: "&" not part of an entity (write &amp;)`);
      const named = ENTITIES[ref];
      if (named !== undefined) return named;
      let code = NaN;
      if (/^#[0-9]+$/.test(ref)) code = Number(ref.slice(1));
      else if (/^#x[0-9a-fA-F]+$/.test(ref)) code = parseInt(ref.slice(2), 16);
      else throw this.error(`undefined entity &${ref};`);
      if (!(code === 9 || code === 10 || code === 13 || (code >= 32 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && code !== 0xfffe && code !== 0xffff))) {
        throw this.error(`malformed character reference &${ref};`);
      }
      return String.fromCodePoint(code);
    });
  }
}
