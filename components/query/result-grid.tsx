'use client';
/**
 * One page of a result as a virtualised grid: only the rows in view are in the page, so a page of
 * thousands of rows scrolls smoothly. Cells are already formatted as cqlsh prints them; a CQL null
 * shows as a dimmed `null`, an empty string as an empty cell.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';

const ROW_HEIGHT = 24;
const MAX_COLUMN_CHARS = 60;

export interface GridColumn {
  name: string;
  type: string;
}

export function ResultGrid({ columns, rows }: { columns: GridColumn[]; rows: (string | null)[][] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  // Width from the widest of the header and the first rows, capped: a long cell is cut, its title shows it whole.
  const template = useMemo(() => {
    const widths = columns.map((c, i) => {
      // The header shows the name and the type side by side.
      let chars = c.name.length + 1 + c.type.length;
      for (const row of rows.slice(0, 200)) chars = Math.max(chars, (row[i] ?? 'null').length);
      // Room for the cell's padding and border besides the characters.
      return `calc(${Math.min(chars, MAX_COLUMN_CHARS)}ch + 20px)`;
    });
    return widths.join(' ');
  }, [columns, rows]);
  return (
    <div className="result-grid" data-testid="result-grid" role="grid" aria-rowcount={rows.length}>
      <div ref={scroller} className="result-scroller">
        <div className="result-row result-header" style={{ gridTemplateColumns: template }} role="row">
          {columns.map((c) => (
            <div key={c.name} role="columnheader" className="result-cell" data-testid="result-column" title={c.type}>
              {c.name}
              <span className="muted"> {c.type}</span>
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              role="row"
              data-testid={`result-row-${item.index}`}
              className="result-row"
              style={{
                gridTemplateColumns: template,
                position: 'absolute',
                top: 0,
                transform: `translateY(${item.start}px)`,
                height: ROW_HEIGHT,
              }}
            >
              {rows[item.index]?.map((cell, i) => (
                <div
                  key={i}
                  role="gridcell"
                  className={cell === null ? 'result-cell cell-null' : 'result-cell'}
                  data-column={columns[i]?.name}
                  title={cell ?? 'null'}
                >
                  {cell ?? 'null'}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

export function ResultJson({ json }: { json: string[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: json.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  return (
    <div ref={scroller} className="result-scroller result-json" data-testid="result-json">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            className="mono json-row"
            style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            data-testid={`json-row-${item.index}`}
          >
            {json[item.index]}
          </div>
        ))}
      </div>
    </div>
  );
}
