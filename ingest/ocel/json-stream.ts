// A streaming splitter for OCEL 2.0 JSON: walks the text as it arrives (chunk by chunk) and hands
// over each top-level key's value, except that the elements of the big arrays ("objects",
// "events") are handed over one at a time. Each piece is then parsed with JSON.parse, so memory
// holds one element's text at a time, not the whole document and its tree. The splitter checks
// the document's outer structure (root object, keys, colons, commas, array brackets); JSON.parse
// checks each piece. Errors carry the line where they happen.

export interface Piece {
  key: string;
  /** Index within the key's array for record elements; null for a whole value. */
  index: number | null;
  text: string;
  line: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly truncated: boolean,
  ) {
    super(message);
  }
}

type Top = 'start' | 'key' | 'key-or-close' | 'colon' | 'value' | 'comma' | 'done';
type Rec = 'first' | 'element' | 'after';

const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class JsonSplitter {
  line = 1;
  private top: Top = 'start';
  private key = '';
  private records: Rec | null = null;
  private recIndex = 0;
  /** Record keys whose array was empty (no element was handed over). */
  readonly emptyArrays = new Set<string>();
  // An open capture: a key, a value or a record element.
  private cap: { parts: string[]; depth: number; inStr: boolean; esc: boolean; scalar: boolean; line: number; isKey: boolean; discard?: boolean } | null = null;

  constructor(
    private readonly recordKeys: ReadonlySet<string>,
    /** Keys whose whole value is handed over; other keys' values are checked for balance and dropped. */
    private readonly valueKeys: ReadonlySet<string>,
    private readonly emit: (p: Piece) => void,
  ) {}

  private fail(msg: string, truncated = false): never {
    throw new JsonSyntaxError(`${truncated ? 'truncated JSON (the document ends early)' : 'invalid JSON'} at line ${this.line}: ${msg}`, this.line, truncated);
  }

  write(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const cap = this.cap;
      if (cap) {
        // Inside a capture: scan to its end or the chunk's end.
        const start = i;
        let done = false;
        for (; i < n; i++) {
          const c = s.charCodeAt(i);
          if (c === 0x0a) this.line++;
          if (cap.inStr) {
            if (cap.esc) cap.esc = false;
            else if (c === 0x5c) cap.esc = true;
            else if (c === 0x22) {
              cap.inStr = false;
              if (cap.depth === 0) {
                i++;
                done = true;
                break;
              }
            }
            continue;
          }
          if (cap.scalar) {
            if (c === 0x2c || c === 0x7d || c === 0x5d || isWs(c)) {
              if (c === 0x0a) this.line--; // re-read by the outer loop
              done = true;
              break;
            }
            continue;
          }
          if (c === 0x22) cap.inStr = true;
          else if (c === 0x7b || c === 0x5b) cap.depth++;
          else if (c === 0x7d || c === 0x5d) {
            cap.depth--;
            if (cap.depth === 0) {
              i++;
              done = true;
              break;
            }
          }
        }
        if (!cap.discard) cap.parts.push(s.slice(start, i));
        if (done) this.finish();
        continue;
      }
      const c = s.charCodeAt(i);
      if (isWs(c)) {
        if (c === 0x0a) this.line++;
        i++;
        continue;
      }
      const ch = s[i];
      if (this.records !== null) {
        if (ch === '{' && (this.records === 'first' || this.records === 'element')) {
          this.cap = { parts: [], depth: 0, inStr: false, esc: false, scalar: false, line: this.line, isKey: false };
          continue; // the capture reads the brace
        }
        if (ch === ',' && this.records === 'after') {
          this.records = 'element';
          i++;
          continue;
        }
        if (ch === ']' && (this.records === 'first' || this.records === 'after')) {
          if (this.records === 'first') this.emptyArrays.add(this.key);
          this.records = null;
          this.top = 'comma';
          i++;
          continue;
        }
        this.fail(`unexpected ${JSON.stringify(ch)} in the "${this.key}" array`);
      }
      switch (this.top) {
        case 'start':
          if (ch !== '{') this.fail('an OCEL 2.0 JSON document must be an object');
          this.top = 'key-or-close';
          i++;
          continue;
        case 'key':
        case 'key-or-close':
          if (ch === '}' && this.top === 'key-or-close') {
            this.top = 'done';
            i++;
            continue;
          }
          if (ch !== '"') this.fail(`a key expected, found ${JSON.stringify(ch)}`);
          this.cap = { parts: [], depth: 0, inStr: false, esc: false, scalar: false, line: this.line, isKey: true };
          this.cap.parts.push('"');
          this.cap.inStr = true;
          i++;
          continue;
        case 'colon':
          if (ch !== ':') this.fail(`":" expected after key "${this.key}", found ${JSON.stringify(ch)}`);
          this.top = 'value';
          i++;
          continue;
        case 'value':
          if (ch === '[' && this.recordKeys.has(this.key)) {
            this.records = 'first';
            this.recIndex = 0;
            i++;
            continue;
          }
          this.cap = {
            parts: [],
            depth: 0,
            inStr: false,
            esc: false,
            scalar: ch !== '{' && ch !== '[' && ch !== '"',
            line: this.line,
            isKey: false,
            discard: !this.valueKeys.has(this.key) && !this.recordKeys.has(this.key),
          };
          if (ch === '"') {
            this.cap.parts.push('"');
            this.cap.inStr = true;
            i++;
          }
          continue;
        case 'comma':
          if (ch === ',') this.top = 'key';
          else if (ch === '}') this.top = 'done';
          else this.fail(`"," or "}" expected, found ${JSON.stringify(ch)}`);
          i++;
          continue;
        case 'done':
          this.fail(`unexpected ${JSON.stringify(ch)} after the end of the document`);
      }
    }
  }

  private finish(): void {
    const cap = this.cap;
    if (!cap) return;
    this.cap = null;
    const text = cap.parts.join('');
    if (cap.isKey) {
      try {
        this.key = JSON.parse(text) as string;
      } catch {
        this.fail(`invalid key ${text.slice(0, 50)}`);
      }
      this.top = 'colon';
    } else if (this.records !== null) {
      this.emit({ key: this.key, index: this.recIndex++, text, line: cap.line });
      this.records = 'after';
    } else {
      if (!cap.discard) this.emit({ key: this.key, index: null, text, line: cap.line });
      this.top = 'comma';
    }
  }

  end(): void {
    if (this.cap?.scalar) this.finish();
    if (this.top !== 'done' || this.cap || this.records !== null) this.fail('the document is incomplete', true);
  }
}
