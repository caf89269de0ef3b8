'use client';
/**
 * Loads a CSV or JSON-lines file into a table: pick the table and the file, check the format the
 * file's name suggests (the export's dialects: what the console exports loads back unchanged), and
 * follow the load — rows loaded, lines rejected with their reasons. The load runs on the server: the
 * dialog can be closed and the report comes back with it while the page stays open.
 */
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { ErrorBox } from '@/components/ui/error-box';
import { Input } from '@/components/ui/input';
import {
  formatOfFileName,
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  IMPORT_NULL_MARKER,
  type ImportFormat,
} from '@/lib/cql/import-formats';
import { isSystemKeyspace } from '@/lib/cql/system-keyspaces';
import { ImportReport } from './import-report';
import { uploadImport, useImport, useSchemaOutline } from './use-query-data';

export function ImportDialog({ clusterId, keyspace: current }: { clusterId: string; keyspace: string | null }) {
  const outline = useSchemaOutline(clusterId);
  const keyspaces = useMemo(
    () => (outline.data?.keyspaces ?? []).filter((k) => !isSystemKeyspace(k.name)),
    [outline.data],
  );
  const [keyspace, setKeyspace] = useState(current ?? '');
  const [table, setTable] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('rfc4180');
  const [header, setHeader] = useState(true);
  const [delimiter, setDelimiter] = useState(',');
  const [nullMarker, setNullMarker] = useState(IMPORT_NULL_MARKER.rfc4180);
  const [maxRowsPerSecond, setMaxRowsPerSecond] = useState(100_000);
  const [importId, setImportId] = useState<string | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const { status, stop } = useImport(importId);

  const tables = keyspaces.find((k) => k.name === keyspace)?.tables ?? [];
  const state = status.data?.state;
  const busy = sending || state === 'receiving' || state === 'loading';
  const csv = format !== 'jsonl';

  function chooseFormat(next: ImportFormat) {
    setFormat(next);
    setNullMarker(IMPORT_NULL_MARKER[next]);
  }

  async function start() {
    if (!file) return;
    const id = crypto.randomUUID();
    setSendError(null);
    setSending(true);
    setImportId(id);
    try {
      await uploadImport(
        { clusterId, keyspace, table, format, header, delimiter, nullMarker, maxRowsPerSecond, importId: id },
        file,
      );
      void status.refetch();
    } catch (error) {
      // Refused before it was tracked: there is no progress to poll.
      setImportId(null);
      setSendError(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog>
      <DialogTrigger asChild>
        <button type="button" data-testid="import-open">
          Load a file…
        </button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-3xl" data-testid="import-dialog">
        <DialogHeader>
          <DialogTitle>Load a file into a table</DialogTitle>
          <DialogDescription>
            CSV or JSON lines, as the console exports them. Each row is written whole or not at all; a line that does
            not fit the table is rejected with its reason, and the others load.
          </DialogDescription>
        </DialogHeader>
        <div className="import-form">
          <label>
            Keyspace{' '}
            <select
              value={keyspace}
              onChange={(e) => {
                setKeyspace(e.target.value);
                setTable('');
              }}
              disabled={busy}
              data-testid="import-keyspace"
            >
              <option value="">choose…</option>
              {keyspaces.map((k) => (
                <option key={k.name} value={k.name}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Table{' '}
            <select
              value={table}
              onChange={(e) => setTable(e.target.value)}
              disabled={busy || !keyspace}
              data-testid="import-table"
            >
              <option value="">choose…</option>
              {tables.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            File{' '}
            <Input
              type="file"
              accept=".csv,.jsonl,.json,.txt,text/csv,application/jsonl"
              disabled={busy}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) chooseFormat(formatOfFileName(chosen.name));
              }}
              data-testid="import-file"
            />
          </label>
          <label>
            Format{' '}
            <select
              value={format}
              onChange={(e) => chooseFormat(e.target.value as ImportFormat)}
              disabled={busy}
              data-testid="import-format"
            >
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {IMPORT_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>{' '}
          {csv ? (
            <>
              <label>
                <input type="checkbox" checked={header} onChange={(e) => setHeader(e.target.checked)} disabled={busy} />{' '}
                first line names the columns
              </label>{' '}
              <label>
                Delimiter{' '}
                <Input
                  className="inline-block w-12"
                  value={delimiter}
                  maxLength={1}
                  onChange={(e) => setDelimiter(e.target.value)}
                  disabled={busy}
                  data-testid="import-delimiter"
                />
              </label>{' '}
              <label>
                Null written as{' '}
                <Input
                  className="inline-block w-24"
                  value={nullMarker}
                  onChange={(e) => setNullMarker(e.target.value)}
                  placeholder="(empty field)"
                  disabled={busy}
                  data-testid="import-null"
                />
              </label>
            </>
          ) : null}
          <label>
            At most{' '}
            <Input
              className="inline-block w-28"
              type="number"
              min={1}
              value={maxRowsPerSecond}
              onChange={(e) => setMaxRowsPerSecond(Math.max(1, Number(e.target.value) || 1))}
              disabled={busy}
              data-testid="import-rate"
            />{' '}
            rows a second
          </label>
        </div>
        <div>
          <Button
            type="button"
            onClick={() => void start()}
            disabled={busy || !file || !table}
            data-testid="import-start"
          >
            Load {file ? file.name : 'the file'}
          </Button>
        </div>
        {sendError ? (
          <ErrorBox inline title="The file was not taken:" error={sendError} testId="import-send-error" />
        ) : null}
        {status.data ? <ImportReport status={status.data} onStop={() => importId && stop(importId)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
