'use client';
/**
 * An import's progress and outcome: bytes read of the file, rows loaded, lines rejected (each with
 * its line number and reason), and what ended it when it ended early.
 */
import { ErrorBox } from '@/components/ui/error-box';
import type { ImportStatus } from './use-query-data';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en');

export function ImportReport({ status, onStop }: { status: ImportStatus; onStop(): void }) {
  const running = status.state === 'receiving' || status.state === 'loading';
  const total = status.totalBytes ?? 0;
  const percent = total > 0 ? Math.min(100, (status.bytesRead / total) * 100) : 0;
  const lines = (r: { firstLine: number; lastLine: number }) =>
    r.firstLine === r.lastLine ? String(r.firstLine) : `${r.firstLine}–${r.lastLine}`;
  return (
    <div className="import-report" data-testid="import-report" aria-live="polite">
      {running ? (
        <p data-testid="import-progress">
          {status.state === 'receiving' ? 'sending the file…' : `loading… ${percent.toFixed(0)} % of ${mb(total)}`}{' '}
          {status.state === 'loading' ? (
            <progress max={100} value={percent} aria-label="import progress" aria-valuenow={Math.round(percent)} />
          ) : null}{' '}
          {count(status.rowsLoaded)} rows loaded, {count(status.rowsRejected)} lines rejected{' '}
          <button type="button" onClick={onStop} data-testid="import-stop">
            Stop
          </button>
        </p>
      ) : null}
      {status.state === 'done' ? (
        <p data-testid="import-done" role="status">
          Loaded {count(status.rowsLoaded)} rows into {status.keyspace}.{status.table} from {count(status.lines)} lines;{' '}
          {status.rowsRejected === 0 ? 'no line was rejected.' : `${count(status.rowsRejected)} rejected (below).`}
        </p>
      ) : null}
      {status.state === 'failed' || status.state === 'stopped' ? (
        <ErrorBox
          inline
          title={`Import ${status.state} after ${count(status.rowsLoaded)} rows (line ${count(status.lines)} read):`}
          error={status.error}
          testId="import-error"
        />
      ) : null}
      {status.state === 'failed' || status.state === 'stopped' ? (
        <p className="muted">
          Rows read before the end may or may not have been written. Loading the same file again is safe: each row is
          written whole and overwrites itself.
        </p>
      ) : null}
      {status.rejects.length > 0 ? (
        <table className="import-rejects" data-testid="import-rejects">
          <caption>
            Rejected lines{status.rowsRejected > status.rejects.length ? ` (the first ${status.rejects.length})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {status.rejects.map((r) => (
              <tr key={`${r.firstLine}-${r.reason}`} data-testid="import-reject">
                <td>{lines(r)}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
