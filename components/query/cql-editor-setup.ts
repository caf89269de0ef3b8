/**
 * The CodeMirror pieces of the workbench editor that do not need React: run keys, the mark at
 * Cassandra's error position, the theme. The component (cql-editor.tsx) only wires them to props.
 */
import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, syntaxHighlighting } from '@codemirror/language';
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
import { tags } from '@lezer/highlight';
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

/**
 * The page's theme, light or dark, through the CSS variables of app/globals.css (--code-* for the
 * syntax): one set of extensions serves both, and a switch of theme needs no reconfiguration.
 */
const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--input)',
    borderRadius: 'var(--radius-md)',
    fontSize: '13px',
    maxHeight: '60vh',
    backgroundColor: 'var(--background)',
    color: 'var(--foreground)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', overflow: 'auto' },
  '.cm-content, .cm-gutter': { minHeight: '8em' },
  '.cm-content': { caretColor: 'var(--foreground)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--foreground)' },
  '.cm-gutters': {
    backgroundColor: 'var(--muted)',
    color: 'var(--muted-foreground)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)', color: 'var(--foreground)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--code-selection)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--code-selection)', outline: '1px solid var(--border)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--popover)',
    color: 'var(--popover-foreground)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-sm)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--code-completion-selected)',
    color: 'var(--code-completion-selected-foreground)',
  },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.85' },
  '.cql-error-mark': {
    textDecoration: 'underline wavy var(--status-bad)',
    backgroundColor: 'color-mix(in oklab, var(--status-bad) 15%, transparent)',
  },
  '.cql-error-line': { backgroundColor: 'color-mix(in oklab, var(--status-bad) 6%, transparent)' },
});

/** CodeMirror's default highlighting, its colours moved to variables that hold 4.5:1 in both themes. */
const highlighting = HighlightStyle.define([
  { tag: tags.meta, color: 'var(--code-meta)' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.keyword, color: 'var(--code-keyword)' },
  { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: 'var(--code-atom)' },
  { tag: [tags.literal, tags.inserted], color: 'var(--code-literal)' },
  { tag: [tags.string, tags.deleted], color: 'var(--code-string)' },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: 'var(--code-string-special)' },
  { tag: tags.definition(tags.variableName), color: 'var(--code-definition)' },
  { tag: tags.local(tags.variableName), color: 'var(--code-local)' },
  { tag: [tags.typeName, tags.namespace], color: 'var(--code-type)' },
  { tag: tags.className, color: 'var(--code-type)' },
  { tag: [tags.special(tags.variableName), tags.macroName], color: 'var(--code-special)' },
  { tag: tags.definition(tags.propertyName), color: 'var(--code-definition)' },
  { tag: tags.comment, color: 'var(--code-comment)' },
  { tag: tags.invalid, color: 'var(--status-bad)' },
]);

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
    syntaxHighlighting(highlighting),
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
