// Where JSON.parse failed: V8's messages do not always give a position ("Unexpected token ','"),
// so after a failed parse this scanner walks the text and returns the offset of the first syntax
// error (the text's length when the document is cut short). Only run on failure.

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export interface JsonErrorAt {
  offset: number;
  truncated: boolean;
}

export function locateJsonError(text: string): JsonErrorAt {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  const ws = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const end = (): JsonErrorAt => ({ offset: n, truncated: true });
  const bad = (): JsonErrorAt => ({ offset: i, truncated: false });
  const str = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c === 0x5c) i += 2;
      else if (c < 0x20) return false;
      else i++;
    }
    return false;
  };
  // expect: 'value' | 'key' | 'after' (after a value: , or closer)
  let expect: 'value' | 'key' | 'after' | 'key-or-close' | 'value-or-close' = 'value';
  for (;;) {
    ws();
    if (i >= n) return stack.length === 0 && expect === 'after' ? { offset: n, truncated: false } : end();
    const ch = text[i];
    if (expect === 'after') {
      if (stack.length === 0) return bad(); // trailing garbage
      const top = stack[stack.length - 1];
      if (ch === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        i++;
        stack.pop();
        expect = 'after';
      } else return bad();
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (ch === '}' && expect === 'key-or-close') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (ch !== '"') return bad();
      if (!str()) return i >= n ? end() : bad();
      ws();
      if (i >= n) return end();
      if (text[i] !== ':') return bad();
      i++;
      expect = 'value';
      continue;
    }
    // a value
    if (ch === ']' && expect === 'value-or-close') {
      i++;
      stack.pop();
      expect = 'after';
    } else if (ch === '{') {
      i++;
      stack.push('{');
      expect = 'key-or-close';
    } else if (ch === '[') {
      i++;
      stack.push('[');
      expect = 'value-or-close';
    } else if (ch === '"') {
      if (!str()) return i >= n ? end() : bad();
      expect = 'after';
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4;
      expect = 'after';
    } else if (text.startsWith('false', i)) {
      i += 5;
      expect = 'after';
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0].length === 0) return n - i < 6 && /^[tfn]/.test(ch) ? end() : bad();
      i += m[0].length;
      if (i >= n && stack.length > 0) return end();
      expect = 'after';
    }
  }
}
