'use client';
/** How statements run: keyspace, consistency, serial consistency, page size, timeout, tracing, bound values. */
import { CONSISTENCY_LEVELS, SERIAL_CONSISTENCY_LEVELS } from '@/lib/cql/consistency-levels';

export interface RunOptions {
  consistency: (typeof CONSISTENCY_LEVELS)[number];
  serialConsistency: (typeof SERIAL_CONSISTENCY_LEVELS)[number];
  pageSize: number;
  timeoutMs: number;
  tracing: boolean;
  /** A JSON array, one value per ? marker; blank runs the statement unprepared. */
  valuesText: string;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  consistency: 'LOCAL_ONE',
  serialConsistency: 'SERIAL',
  pageSize: 100,
  timeoutMs: 12_000,
  tracing: false,
  valuesText: '',
};

interface Props {
  options: RunOptions;
  onChange(options: RunOptions): void;
  keyspaces: string[];
  keyspace: string | null;
  onKeyspace(keyspace: string | null): void;
}

export function RunOptionsBar({ options, onChange, keyspaces, keyspace, onKeyspace }: Props) {
  const set = <K extends keyof RunOptions>(key: K, value: RunOptions[K]) => onChange({ ...options, [key]: value });
  return (
    <div className="run-options" data-testid="run-options">
      <label>
        Keyspace{' '}
        <select
          value={keyspace ?? ''}
          onChange={(e) => onKeyspace(e.target.value || null)}
          data-testid="keyspace-picker"
        >
          <option value="">(none)</option>
          {keyspaces.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Consistency{' '}
        <select
          value={options.consistency}
          onChange={(e) => set('consistency', e.target.value as RunOptions['consistency'])}
          data-testid="consistency"
        >
          {CONSISTENCY_LEVELS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Serial{' '}
        <select
          value={options.serialConsistency}
          onChange={(e) => set('serialConsistency', e.target.value as RunOptions['serialConsistency'])}
          data-testid="serial-consistency"
        >
          {SERIAL_CONSISTENCY_LEVELS.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Page size{' '}
        <input
          type="number"
          min={1}
          max={5000}
          value={options.pageSize}
          onChange={(e) => set('pageSize', Math.min(5000, Math.max(1, Number(e.target.value) || 1)))}
          data-testid="page-size"
          style={{ width: '6em' }}
        />
      </label>
      <label>
        Timeout (ms){' '}
        <input
          type="number"
          min={100}
          max={600000}
          step={100}
          value={options.timeoutMs}
          onChange={(e) => set('timeoutMs', Math.min(600_000, Math.max(100, Number(e.target.value) || 100)))}
          data-testid="timeout"
          style={{ width: '7em' }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={options.tracing}
          onChange={(e) => set('tracing', e.target.checked)}
          data-testid="tracing"
        />{' '}
        Tracing
      </label>
      <label className="bind-values">
        Bound values{' '}
        <input
          value={options.valuesText}
          onChange={(e) => set('valuesText', e.target.value)}
          placeholder='JSON array for ? markers, e.g. [42, ["a", "b"]]'
          data-testid="bound-values"
        />
      </label>
    </div>
  );
}
