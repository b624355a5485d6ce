/**
 * The policy source editor: CodeMirror 6 with Markdown, line numbers, undo history and lint as you
 * type — the text goes to the lint route (debounced) and each diagnostic is drawn at its line and
 * column. Mod-S saves. Tab is left to the page (focus moves on), so the editor never traps the keyboard.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorSelection, EditorState, Prec, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { LintDiagnostic } from './types.ts';

export interface SourceEditorHandle {
  /** The text as it is now. */
  text(): string;
  /** Replaces the whole text (e.g. with the text as the server stored it), keeping the cursor near. */
  replace(text: string): void;
  /** Puts the cursor at a line and column and focuses the editor. */
  goTo(line: number, column: number): void;
  /** Lints again now (e.g. after the documents in force changed). */
  relint(): void;
}

export interface SourceEditorProps {
  readonly initial: string;
  readonly readOnly: boolean;
  readonly label: string;
  readonly onChange: (text: string) => void;
  readonly onSave: () => void;
  /** Lints a text; the answer's diagnostics are drawn in the editor. */
  readonly lint: (text: string) => Promise<readonly LintDiagnostic[]>;
  readonly handle?: Ref<SourceEditorHandle>;
}

function offset(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

/** A diagnostic from the API as CodeMirror draws it. */
export function toDiagnostic(doc: Text, d: LintDiagnostic): Diagnostic {
  const from = offset(doc, d.line, d.column);
  const to = Math.max(from, offset(doc, d.end_line, d.end_column));
  return {
    from,
    to,
    severity: d.severity,
    source: d.rule,
    message: `Line ${d.line}, column ${d.column}: ${d.message}`,
  };
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '3px solid #ffbf47' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.5',
  },
  '.cm-gutters': { backgroundColor: '#f1f3f5', color: '#4d5660', borderRight: '1px solid #d4d9df' },
  '.cm-activeLineGutter': { backgroundColor: '#e3e8ee' },
  '.cm-activeLine': { backgroundColor: '#f4f7fb' },
  '.cm-diagnosticSource': { color: '#4d5660', opacity: '1' },
});

export function SourceEditor({
  initial,
  readOnly,
  label,
  onChange,
  onSave,
  lint,
  handle,
}: SourceEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onSave, lint });
  callbacks.current = { onChange, onSave, lint };

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          keymap.of([
            {
              key: 'Mod-s',
              preventDefault: true,
              run: () => {
                callbacks.current.onSave();
                return true;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
            ...lintKeymap,
          ]),
          // The GFM language itself rather than `markdown()`, whose default support for HTML inside
          // Markdown pulls in the HTML, CSS and JavaScript parsers (about half the editor's bundle);
          // a policy has tables and prose, not HTML.
          markdownLanguage,
          Prec.high(keymap.of(markdownKeymap)),
          syntaxHighlighting(defaultHighlightStyle),
          linter(
            async (ed) => {
              const doc = ed.state.doc;
              const found = await callbacks.current.lint(doc.toString());
              return found.filter((d) => !d.file).map((d) => toDiagnostic(doc, d));
            },
            { delay: 400 },
          ),
          lintGutter(),
          EditorState.readOnly.of(readOnly),
          // tabindex: the scroller's focusable content, as axe recognises it (scrollable-region-focusable).
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) callbacks.current.onChange(u.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once per mount; the parent remounts it (key) for another document.
  }, [initial, readOnly, label]);

  useImperativeHandle(
    handle,
    () => ({
      text: () => view.current?.state.doc.toString() ?? '',
      replace(text: string) {
        const v = view.current;
        if (!v || v.state.doc.toString() === text) return;
        const head = Math.min(v.state.selection.main.head, text.length);
        v.dispatch({
          changes: { from: 0, to: v.state.doc.length, insert: text },
          selection: EditorSelection.cursor(head),
        });
      },
      goTo(line: number, column: number) {
        const v = view.current;
        if (!v) return;
        const at = offset(v.state.doc, line, column);
        v.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
        v.focus();
      },
      relint() {
        if (view.current) forceLinting(view.current);
      },
    }),
    [],
  );

  return <div className="source-editor" ref={host} />;
}
