/**
 * The CodeMirror pieces of the workbench editor that do not need React: run keys, the mark at
 * Cassandra's error position, the theme. The component (cql-editor.tsx) only wires them to props.
 */
import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Prec, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { cqlDialect, statementAtCursor } from './cql-language';

export interface RunHandlers {
  statement(statement: { text: string; offset: number }): void;
  all(script: string): void;
}

/** Sets (an offset) or clears (null) the error mark. */
export const setErrorMark = StateEffect.define<number | null>();

/** The word at `offset`, or the character, or the end of its line's text when it points past it. */
function errorMarks(doc: Text, offset: number): DecorationSet {
  const at = Math.min(Math.max(offset, 0), doc.length);
  const line = doc.lineAt(at);
  const decorations = [Decoration.line({ class: 'cql-error-line' }).range(line.from)];
  if (line.length > 0) {
    const from = Math.min(at, line.to - 1);
    const word = /^\w+/.exec(doc.sliceString(from, line.to));
    decorations.push(Decoration.mark({ class: 'cql-error-mark' }).range(from, from + (word ? word[0].length : 1)));
  }
  return Decoration.set(decorations, true);
}

const errorMark = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    // Edits carry the mark along with the text it points at until the next run replaces it.
    let next = marks.map(tr.changes);
    for (const e of tr.effects)
      if (e.is(setErrorMark)) next = e.value === null ? Decoration.none : errorMarks(tr.state.doc, e.value);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Above defaultKeymap, whose Mod-Enter would insert a blank line. */
function runKeys(run: RunHandlers): Extension {
  const statement = (view: EditorView) => {
    const found = statementAtCursor(view.state.doc.toString(), view.state.selection.main.head);
    if (found) run.statement(found);
    return true;
  };
  const all = (view: EditorView) => {
    run.all(view.state.doc.toString());
    return true;
  };
  // Mod is Cmd on macOS; Ctrl-Enter is bound too so both work there.
  return Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: statement },
      { key: 'Ctrl-Enter', run: statement },
      { key: 'Shift-Mod-Enter', run: all },
      { key: 'Shift-Ctrl-Enter', run: all },
    ]),
  );
}

const theme = EditorView.theme({
  '&': { border: '1px solid var(--line, #d0d7de)', borderRadius: '6px', fontSize: '13px', maxHeight: '60vh' },
  '&.cm-focused': { outline: '2px solid #0969da', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, monospace', overflow: 'auto' },
  '.cm-content, .cm-gutter': { minHeight: '8em' },
  '.cql-error-mark': {
    textDecoration: 'underline wavy var(--down, #cf222e)',
    backgroundColor: 'rgba(207, 34, 46, 0.15)',
  },
  '.cql-error-line': { backgroundColor: 'rgba(207, 34, 46, 0.06)' },
});

/** Everything but the completion source, which the component keeps in a Compartment. */
export function cqlEditorExtensions(run: RunHandlers): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    cqlDialect.extension,
    // The default 75 ms, in which Enter on a just-opened popup inserts a newline instead of
    // accepting, trips tests that press Enter as soon as the popup shows.
    autocompletion({ interactionDelay: 0 }),
    runKeys(run),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    errorMark,
    theme,
    EditorView.contentAttributes.of({ 'aria-label': 'CQL script' }),
  ];
}
