import { describe, expect, it } from 'vitest';
import { paletteItems, rankItems, scoreItem, type PaletteItem } from './palette-items';

const index = {
  consoleAdmin: false,
  clusters: [
    {
      id: 'prod',
      name: 'Production',
      role: 'viewer' as const,
      error: null,
      nodes: [
        { address: '10.0.0.1', dc: 'dc1', rack: 'r1', hostId: 'aaaa-1111' },
        { address: '10.0.0.12', dc: 'dc2', rack: 'r2', hostId: 'bbbb-2222' },
      ],
      keyspaces: [
        { name: 'orders_archive', system: false, tables: ['daily'] },
        { name: 'shop', system: false, tables: ['orders', 'customers'] },
        { name: 'system_schema', system: true, tables: ['tables'] },
      ],
    },
    {
      id: 'lab',
      name: 'lab',
      role: 'admin' as const,
      error: 'schema: timeout',
      nodes: [{ address: '10.0.0.1', dc: 'dc1', rack: 'r1', hostId: 'cccc-3333' }],
      keyspaces: [{ name: 'shop', system: false, tables: ['orders'] }],
    },
  ],
};

const items = paletteItems(index);
const ids = (list: PaletteItem[]) => list.map((i) => i.id);

describe('paletteItems', () => {
  it('makes clusters, their sections, nodes, keyspaces and tables with their pages', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get('cluster:prod')?.href).toBe('/clusters/prod');
    expect(byId.get('page:prod/metrics')?.href).toBe('/clusters/prod/metrics');
    expect(byId.get('page:prod')?.label).toBe('Nodes and ring');
    expect(byId.get('node:prod:10.0.0.12')).toMatchObject({
      href: '/clusters/prod/nodes/10.0.0.12',
      detail: 'Production · dc2 · r2',
    });
    expect(byId.get('keyspace:prod:shop')?.href).toBe('/clusters/prod/keyspaces/shop');
    expect(byId.get('table:prod:shop.orders')?.href).toBe('/clusters/prod/keyspaces/shop/orders');
    expect(byId.get('table:prod:system_schema.tables')?.system).toBe(true);
  });

  it('lists the admin pages only for a console administrator', () => {
    expect(ids(items).filter((id) => id.startsWith('page:/admin'))).toEqual(['page:/admin/audit']);
    expect(ids(paletteItems({ ...index, consoleAdmin: true })).filter((id) => id.startsWith('page:/admin'))).toEqual([
      'page:/admin/audit',
      'page:/admin/users',
      'page:/admin/destinations',
    ]);
  });
});

describe('rankItems', () => {
  it('puts the table named exactly first, above a keyspace the name starts', () => {
    const ranked = ids(rankItems(items, 'orders', null));
    expect(ranked.slice(0, 2).sort()).toEqual(['table:lab:shop.orders', 'table:prod:shop.orders']);
    expect(ranked.indexOf('table:prod:shop.orders')).toBeLessThan(ranked.indexOf('keyspace:prod:orders_archive'));
  });

  it("prefers the current cluster's item on a tie", () => {
    expect(ids(rankItems(items, 'orders', 'prod')).slice(0, 2)).toEqual([
      'table:prod:shop.orders',
      'table:lab:shop.orders',
    ]);
  });

  it('needs every word to match; a word may match the cluster, DC or host id', () => {
    expect(ids(rankItems(items, 'orders lab', null))).toEqual(['table:lab:shop.orders']);
    expect(ids(rankItems(items, '10.0.0.1 dc2', null))).toEqual(['node:prod:10.0.0.12']);
    expect(ids(rankItems(items, 'bbbb', null))).toEqual(['node:prod:10.0.0.12']);
    expect(rankItems(items, 'nothing-like-this', null)).toEqual([]);
  });

  it('ranks an exact address above a longer one it starts, and user keyspaces above system ones', () => {
    expect(ids(rankItems(items, '10.0.0.1', 'prod')).slice(0, 3)).toEqual([
      'node:prod:10.0.0.1',
      'node:lab:10.0.0.1',
      'node:prod:10.0.0.12',
    ]);
    const tables = ids(rankItems(items, 'tables', null));
    expect(tables[0]).toBe('table:prod:system_schema.tables');
    const schema = ids(rankItems(items, 'schema', null));
    expect(schema.indexOf('page:prod/advisor')).toBe(-1);
    expect(schema[0]).toBe('keyspace:prod:system_schema');
  });

  it('scores a label match above a keyword-only match', () => {
    const metrics = items.find((i) => i.id === 'page:prod/metrics')!;
    expect(scoreItem(metrics, 'metrics')).toBeGreaterThan(scoreItem(metrics, 'production')!);
    expect(scoreItem(metrics, 'zzz')).toBeNull();
  });

  it('with no query lists the current cluster’s pages, then the clusters, then the console pages', () => {
    const ranked = ids(rankItems(items, '  ', 'lab'));
    expect(ranked[0]).toBe('page:lab');
    expect(ranked).toContain('cluster:prod');
    expect(ranked.at(-1)).toBe('page:/admin/audit');
    expect(ranked.some((id) => id.startsWith('page:prod'))).toBe(false);
  });

  it('keeps to the limit', () => {
    expect(rankItems(items, 'o', null, 3)).toHaveLength(3);
  });
});
