import { describe, expect, it } from 'vitest';
import { ScanError, XmlScanner } from './scan';

type Ev = ['open', string, Record<string, string>, number] | ['close', string];

/** Scans `text` cut into pieces of `size` characters; returns the handler calls. */
function scan(text: string, size = text.length, max = 1 << 20): Ev[] {
  const out: Ev[] = [];
  const s: XmlScanner = new XmlScanner(
    {
      open(name, names, values, n) {
        const a: Record<string, string> = {};
        for (let i = 0; i < n; i++) a[names[i]] = values[i];
        out.push(['open', name, a, s.line]);
      },
      close(name) {
        out.push(['close', name]);
      },
    },
    max,
  );
  for (let i = 0; i < text.length; i += size) s.write(text.slice(i, i + size));
  s.end();
  return out;
}

function error(text: string, size?: number, max?: number): ScanError {
  try {
    scan(text, size, max);
  } catch (err) {
    if (err instanceof ScanError) return err;
    throw err;
  }
  throw new Error('no error');
}

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment with <tags> -->
<log xes.version='1.0'>
  <trace>
    <string key="concept:name" value="a &amp; b &lt;&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;"/>
    <string key="multi" value="x
y"/>
    <![CDATA[ ignored <text> ]]>
    <event><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
  </trace>
</log>
`;

describe('XmlScanner', () => {
  it('reads tags, attributes, entities and line numbers, however the text is cut', () => {
    const whole = scan(DOC);
    expect(whole[0]).toEqual(['open', 'log', { 'xes.version': '1.0' }, 3]);
    expect(whole[1]).toEqual(['open', 'trace', {}, 4]);
    expect(whole[2]).toEqual(['open', 'string', { key: 'concept:name', value: `a & b <> "q" 's' AB` }, 5]);
    expect(whole[4]).toEqual(['open', 'string', { key: 'multi', value: 'x y' }, 6]);
    expect(whole[7]).toEqual(['open', 'date', { key: 'time:timestamp', value: '2020-01-01T00:00:00Z' }, 9]);
    expect(whole.at(-1)).toEqual(['close', 'log']);
    for (const size of [1, 2, 3, 7, 64]) expect(scan(DOC, size)).toEqual(whole);
  });

  it('names line and column of well-formedness errors', () => {
    expect(error('<log>\n  <a></b>\n</log>')).toMatchObject({ line: 2, column: 6, message: expect.stringMatching(/unexpected close tag <\/b>/) });
    expect(error('<log>\n<a x="1"')).toMatchObject({ line: 2, message: expect.stringMatching(/^unclosed tag: the file ends inside/) });
    expect(error('<log>\n<a>')).toMatchObject({ line: 2, message: expect.stringMatching(/^unclosed tag: <a>/) });
    expect(error('<log/>\n<log/>')).toMatchObject({ line: 2, message: expect.stringMatching(/second root/) });
    expect(error('x<log/>')).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/text data before the root/) });
    expect(error('<log>\n<a v="&nbsp;"/></log>')).toMatchObject({ line: 2, message: 'undefined entity &nbsp;' });
    expect(error('<log>\n<a v=1/></log>')).toMatchObject({ line: 2, message: expect.stringMatching(/not quoted/) });
    expect(error('<log>\n<a v="<"/></log>')).toMatchObject({ line: 2, message: expect.stringMatching(/"<" in the value/) });
    expect(error('<log>\n<a v="a & b"/></log>')).toMatchObject({ line: 2, message: expect.stringMatching(/not part of an entity/) });
  });

  it('stops at the token limit for long values and long text, cut or not', () => {
    const long = `<log>\n<a v="${'x'.repeat(5000)}"/></log>`;
    for (const size of [long.length, 100]) {
      expect(error(long, size, 1000)).toMatchObject({ line: 2, message: expect.stringMatching(/longer than 1000 characters/) });
    }
    const ws = `<log>\n${' '.repeat(5000)}</log>`;
    expect(error(ws, 100, 1000)).toMatchObject({ line: 2, message: expect.stringMatching(/longer than 1000 characters/) });
  });
});
