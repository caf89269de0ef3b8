import { describe, expect, it } from 'vitest';
import { exportRequestSchema } from './export-request';

const base = { clusterId: 'demo', statement: 'SELECT * FROM t' };

describe('the export request', () => {
  it('defaults to RFC 4180 with a header, commas, the dialect’s null marker and UTC; the older format still works', () => {
    expect(exportRequestSchema.parse(base)).toMatchObject({
      dialect: 'rfc4180',
      header: true,
      delimiter: ',',
      nullMarker: '',
      timeZone: 'UTC',
    });
    expect(exportRequestSchema.parse({ ...base, dialect: 'cqlsh' }).nullMarker).toBe('null');
    expect(exportRequestSchema.parse({ ...base, format: 'json' }).dialect).toBe('json');
    expect(exportRequestSchema.parse({ ...base, format: 'csv', dialect: 'jsonl' }).dialect).toBe('jsonl');
    expect(exportRequestSchema.parse({ ...base, timeZone: 'Europe/Berlin', delimiter: '\t' })).toMatchObject({
      timeZone: 'Europe/Berlin',
      delimiter: '\t',
    });
  });

  it('refuses an unknown dialect or zone, a delimiter or marker a reader could not tell from a value', () => {
    for (const bad of [
      { dialect: 'excel' },
      { timeZone: 'Mars/Olympus' },
      { delimiter: '"' },
      { delimiter: ';;' },
      { nullMarker: "'n'" },
      { nullMarker: 'a,b' },
      { nullMarker: 'x'.repeat(33) },
    ])
      expect(exportRequestSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });
});
