'use client';
// The SQL cell's editor: CodeMirror 6 with DuckDB-flavoured highlighting and completion.
// Ctrl/Cmd+Enter runs the cell and Shift+Enter runs it and moves on; both are bound at the highest
// precedence, because CodeMirror's default keymap binds Mod-Enter to insertBlankLine. Tab is left
// to the browser, so keyboard users can move on from the editor.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Annotation, Compartment, EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightSpecialChars, keymap, placeholder } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { useEffect, useRef } from 'react';
import styles from './SqlEditor.module.css';
import { sqlSupport, type EditorSchema, type NamedResult } from './sql-language';

export interface SqlEditorProps {
  value: string;
  onChange(sql: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter. */
  onRunAndNext(): void;
  schema: EditorSchema | null;
  /** Names of earlier cells' results, completed like tables. */
  results: readonly NamedResult[];
  /** Accessible name of the editing area, e.g. "SQL of cell 2". */
  label: string;
  /** Changes to this number move the focus into the editor (a new cell, Shift+Enter). */
  focusToken?: number;
}

// Colours from the theme's variables, so light and dark both read.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--accent)', fontWeight: '600' },
  { tag: [t.string, t.special(t.string)], color: 'var(--good)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--warn)' },
  { tag: [t.lineComment, t.blockComment, t.comment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.typeName, t.standard(t.name)], color: 'var(--accent-strong)' },
  { tag: [t.special(t.name), t.quote], color: 'var(--text)' },
  { tag: t.invalid, color: 'var(--bad)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'var(--mono)', padding: '8px 0', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 12px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--accent-soft) !important' },
  '.cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid var(--accent-border)' },
  '.cm-placeholder': { color: 'var(--faint)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border-strong)', borderRadius: '6px', boxShadow: 'var(--shadow-lg)' },
  '.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', fontSize: '12.5px', maxHeight: '14em' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--surface)' },
  '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '8px' },
  '.cm-completionInfo': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border-strong)', padding: '6px 8px', maxWidth: '360px' },
});

/** Marks the editor's own sync from the `value` prop: not a user edit, so not reported back. */
const fromProp = Annotation.define<boolean>();

export function SqlEditor({ value, onChange, onRun, onRunAndNext, schema, results, label, focusToken }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const attributes = useRef(new Compartment());
  // The editor is made once; its key handlers read the latest callbacks through this ref.
  const latest = useRef({ onChange, onRun, onRunAndNext });
  latest.current = { onChange, onRun, onRunAndNext };
  // The texts reported through onChange since the last outside change: while the parent's `value`
  // trails the typing (effects run after paint, a keystroke or two later) it is one of these, not
  // "a change from outside", and must not overwrite the editor; doing so dropped keystrokes and
  // ping-ponged (React's maximum update depth).
  const reported = useRef<Set<string>>(new Set());

  useEffect(() => {
    if (!host.current) return;
    const runKeys = Prec.highest(
      keymap.of([
        { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
        { key: 'Shift-Enter', run: () => (latest.current.onRunAndNext(), true) },
      ]),
    );
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          runKeys,
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ icons: false }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          syntaxHighlighting(highlight),
          EditorView.lineWrapping,
          placeholder('SELECT … FROM …   (Ctrl+Enter runs)'),
          attributes.current.of(EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'sql-input' })),
          language.current.of(sqlSupport(schema, results)),
          theme,
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.some((tr) => tr.annotation(fromProp))) return;
            const text = u.state.doc.toString();
            // Bounded, oldest first out: clearing it all would let a trailing value overwrite typing.
            if (reported.current.size >= 200) reported.current.delete(reported.current.values().next().value as string);
            reported.current.add(text);
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // Made once per mount; value, schema and results are synced by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A change from outside (Format, an undo of the whole notebook) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (!v || reported.current.has(value) || v.state.doc.toString() === value) return;
    reported.current.clear();
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: fromProp.of(true) });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(sqlSupport(schema, results)) });
  }, [schema, results]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'sql-input' })) });
  }, [label]);

  useEffect(() => {
    if (focusToken) view.current?.focus();
  }, [focusToken]);

  return <div ref={host} className={styles.editor} data-testid="sql-editor" />;
}
