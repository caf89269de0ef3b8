'use client';

/**
 * The workbench's CQL editor: one CodeMirror view per mount. Props reach it without recreating it —
 * the schema through a Compartment, `value` as a document replacement, `errorAt` as a mark.
 */
import { Annotation, Compartment, EditorState, type StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { cqlEditorExtensions, setErrorMark } from './cql-editor-setup';
import { cqlCompletion, type EditorSchema } from './cql-language';

export interface CqlEditorProps {
  value: string;
  onChange(value: string): void;
  onRunStatement(statement: { text: string; offset: number }): void;
  onRunAll(script: string): void;
  schema: EditorSchema;
  keyspace: string | null;
  errorAt?: { offset: number } | null;
}

/** Marks the transaction that loads `value` from props, which must not be echoed to onChange. */
const fromProps = Annotation.define<boolean>();

const schemaKey = (schema: EditorSchema, keyspace: string | null) => JSON.stringify([keyspace, schema]);

export function CqlEditor(props: CqlEditorProps) {
  const { value, schema, keyspace } = props;
  const errorOffset = props.errorAt?.offset ?? null;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [completion] = useState(() => new Compartment());
  // The view's key handlers and listener outlive renders; they read the current props from here.
  const latest = useRef(props);
  const appliedSchema = useRef('');
  // Texts this editor reported through onChange. A render can still carry an older one of them
  // while the user has typed on; that is not a new document from outside.
  const reported = useRef(new Set<string>());

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const { value: doc, schema: s, keyspace: ks } = latest.current;
    appliedSchema.current = schemaKey(s, ks);
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc,
        extensions: [
          cqlEditorExtensions({
            statement: (statement) => latest.current.onRunStatement(statement),
            all: (script) => latest.current.onRunAll(script),
          }),
          completion.of(cqlCompletion(s, ks)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromProps))) return;
            const text = update.state.doc.toString();
            reported.current.add(text);
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = created;
    // Strict mode mounts twice; the first view must go with its DOM.
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [completion]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (value === current) reported.current.clear();
    else if (!reported.current.has(value)) {
      reported.current.clear();
      v.dispatch({ changes: { from: 0, to: current.length, insert: value }, annotations: fromProps.of(true) });
    }
  }, [value]);

  useEffect(() => {
    const key = schemaKey(schema, keyspace);
    if (!view.current || key === appliedSchema.current) return;
    appliedSchema.current = key;
    view.current.dispatch({ effects: completion.reconfigure(cqlCompletion(schema, keyspace)) });
  }, [schema, keyspace, completion]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const effects: StateEffect<unknown>[] = [setErrorMark.of(errorOffset)];
    if (errorOffset !== null)
      effects.push(EditorView.scrollIntoView(Math.min(Math.max(errorOffset, 0), v.state.doc.length), { y: 'nearest' }));
    v.dispatch({ effects });
  }, [errorOffset]);

  return <div ref={host} className="cql-editor" data-testid="cql-editor" />;
}
