// A small tokenizer for DuckDB SQL, enough to tell identifiers from string literals, quoted
// identifiers and comments (named results are found by it) and to find a statement's edges.
// It never rejects text: anything it does not know is one `other` character.

export type TokenKind = 'space' | 'comment' | 'string' | 'quoted' | 'word' | 'number' | 'other';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_REST = /[A-Za-z0-9_$\u0080-\uffff]/;

/** End of a '…' literal starting at `i` ('' is a quote; with `backslash`, \x escapes too). */
function endOfString(sql: string, i: number, backslash: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const ch = sql[j];
    if (backslash && ch === '\\') j += 2;
    else if (ch === "'") {
      if (sql[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

/** End of a block comment starting at `i`; DuckDB (like PostgreSQL) nests them. */
function endOfBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return sql.length;
}

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    out.push({ kind, text: sql.slice(i, end), start: i, end });
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j])) j++;
      push('space', j);
    } else if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      push('comment', nl < 0 ? sql.length : nl);
    } else if (sql.startsWith('/*', i)) {
      push('comment', endOfBlockComment(sql, i));
    } else if (ch === "'") {
      push('string', endOfString(sql, i, false));
    } else if ((ch === 'E' || ch === 'e') && sql[i + 1] === "'") {
      push('string', endOfString(sql, i + 1, true));
    } else if (ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      push('quoted', Math.min(j + 1, sql.length));
    } else if (ch === '$') {
      // $$…$$ or $tag$…$tag$ is a string; $name / $1 is a parameter.
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66));
      if (m) {
        const close = sql.indexOf(m[0], i + m[0].length);
        push('string', close < 0 ? sql.length : close + m[0].length);
      } else {
        let j = i + 1;
        while (j < sql.length && WORD_REST.test(sql[j])) j++;
        push('other', j);
      }
    } else if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < sql.length && WORD_REST.test(sql[j])) j++;
      push('word', j);
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[0-9_.eE]/.test(sql[j])) j++;
      push('number', j);
    } else {
      push('other', i + 1);
    }
  }
  return out;
}

/** Tokens that mean something (no spaces or comments). */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

/**
 * The statement without what trails it (semicolons, comments, blanks), so it can be placed
 * inside parentheses or after a WITH.
 */
export function trimStatement(sql: string): string {
  const tokens = tokenize(sql);
  let last = tokens.length - 1;
  while (last >= 0 && (tokens[last].kind === 'space' || tokens[last].kind === 'comment' || tokens[last].text === ';')) last--;
  return last < 0 ? '' : sql.slice(0, tokens[last].end);
}
