import { expect, test } from '@playwright/test';

// Malformed or oversized requests are the sender's mistake: each gets a 4xx that says so, never a 500.
test('malformed, unknown and oversized requests get a 4xx, never a 500', async ({ request }) => {
  const malformed = await request.post('/api/trpc/query.run', {
    headers: { 'content-type': 'application/json' },
    data: '{"json": {"clusterId": "demo", ',
  });
  expect(malformed.status()).toBe(400);

  const wrongInput = await request.get(
    `/api/trpc/cluster.nodes?input=${encodeURIComponent('{"json":{"clusterId":7}}')}`,
  );
  expect(wrongInput.status()).toBe(400);

  const unknownCluster = await request.get(
    `/api/trpc/cluster.nodes?input=${encodeURIComponent('{"json":{"clusterId":"nowhere"}}')}`,
  );
  expect(unknownCluster.status()).toBe(404);

  const unknownProcedure = await request.get('/api/trpc/cluster.dropEverything');
  expect(unknownProcedure.status()).toBe(404);

  const huge = await request.post('/api/trpc/query.run', {
    headers: { 'content-type': 'application/json' },
    data: 'x'.repeat(17 * 1024 * 1024),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain('larger than');

  const hugeExport = await request.post('/api/export', {
    headers: { 'content-type': 'application/json' },
    data: 'x'.repeat(17 * 1024 * 1024),
  });
  expect(hugeExport.status()).toBe(413);

  const badExport = await request.post('/api/export', { headers: { 'content-type': 'application/json' }, data: '{' });
  expect(badExport.status()).toBe(400);

  // An import names its table before the file is taken: no table, or one that is not there, is refused at once.
  const noTable = await request.post('/api/import?clusterId=demo&keyspace=system', { data: 'k\n1\n' });
  expect(noTable.status()).toBe(400);
  const unknownTable = await request.post('/api/import?clusterId=demo&keyspace=system_auth&table=nope', {
    data: 'k\n1\n',
  });
  expect(unknownTable.status()).toBe(404);
  expect((await unknownTable.json()).error).toContain('has no table or view "nope"');
});
