/** A plain table from column definitions; an empty table says so in its body instead of showing only headers. */
import type { HTMLAttributes, Key, ReactNode, TdHTMLAttributes } from 'react';

type TestIdProps = { 'data-testid'?: string };

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell(row: T): ReactNode;
  /** Attributes of the row's cell (class, title, test id). */
  td?(row: T): TdHTMLAttributes<HTMLTableCellElement> & TestIdProps;
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  caption,
  empty,
  testId,
  className = 'nodes',
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey(row: T): Key;
  rowProps?(row: T): HTMLAttributes<HTMLTableRowElement> & TestIdProps;
  caption?: ReactNode;
  /** Shown as the only row when there are none. */
  empty?: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <table className={className} data-testid={testId}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty !== undefined ? (
          <tr>
            <td colSpan={columns.length} className="muted" data-testid="table-empty">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((c) => (
              <td key={c.key} {...c.td?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
