import { describe, expect, it } from 'vitest';
import { importRequestFromQuery, importRequestSchema } from './import-request';

const parse = (query: string) => importRequestSchema.safeParse(importRequestFromQuery(new URLSearchParams(query)));

describe('import request', () => {
  it('reads the query string, with cqlsh COPY FROM-like defaults and the format’s own null marker', () => {
    const r = parse('clusterId=demo&keyspace=ks&table=t&format=cqlsh&header=0&maxRowsPerSecond=500');
    expect(r.success && r.data).toMatchObject({
      format: 'cqlsh',
      header: false,
      nullMarker: 'null',
      delimiter: ',',
      maxRowsPerSecond: 500,
      concurrency: 32,
      consistency: 'LOCAL_QUORUM',
      maxRejects: 1000,
    });
  });

  it('refuses an unsafe delimiter, a marker holding the delimiter, an unknown format and a zero rate', () => {
    for (const bad of ['delimiter=%22', 'nullMarker=a,b', 'format=xml', 'maxRowsPerSecond=0', 'table='])
      expect(parse(`clusterId=demo&keyspace=ks&table=t&${bad}`).success, bad).toBe(false);
  });
});
