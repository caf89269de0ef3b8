import { describe, expect, it } from 'vitest';
import { CONSOLE_PAGES, SECTIONS, clusterIdOf, crumbsOf, sectionOf, switchClusterHref } from './nav-model';

const CLUSTERS = [
  { id: 'demo', name: 'Demo cluster' },
  { id: 'prod', name: 'prod' },
];

describe('the navigation model', () => {
  it('keeps the test ids the sections have always had', () => {
    expect(SECTIONS.map((s) => s.testId)).toEqual([
      'nav-nodes',
      'nav-physical',
      'nav-alerts',
      'nav-metrics',
      'nav-gossip',
      'nav-keyspaces',
      'nav-query',
      'nav-advisor',
      'nav-compaction',
      'nav-activity',
    ]);
    expect(CONSOLE_PAGES.filter((p) => !p.adminOnly).map((p) => p.testId)).toEqual(['nav-audit']);
  });

  it('knows the cluster and section of a path; a node page belongs to the nodes section', () => {
    expect(clusterIdOf('/clusters/demo/metrics')).toBe('demo');
    expect(clusterIdOf('/admin/users')).toBeNull();
    expect(sectionOf('/clusters/demo')?.label).toBe('Nodes and ring');
    expect(sectionOf('/clusters/demo/nodes/127.0.0.1')?.testId).toBe('nav-nodes');
    expect(sectionOf('/clusters/demo/keyspaces/ks/t')?.testId).toBe('nav-keyspaces');
    expect(sectionOf('/clusters/demo/physical')?.label).toBe('Physical view');
    expect(sectionOf('/')).toBeNull();
  });

  it('switches cluster into the same section, never into a keyspace or node that may not exist there', () => {
    expect(switchClusterHref('/clusters/demo/metrics', 'prod')).toBe('/clusters/prod/metrics');
    expect(switchClusterHref('/clusters/demo/keyspaces/ks/t', 'prod')).toBe('/clusters/prod/keyspaces');
    expect(switchClusterHref('/clusters/demo/nodes/127.0.0.1', 'prod')).toBe('/clusters/prod');
    expect(switchClusterHref('/admin/audit', 'prod')).toBe('/clusters/prod');
  });

  it('builds the breadcrumbs, the last one being the page itself', () => {
    expect(crumbsOf('/', CLUSTERS)).toEqual([{ label: 'Clusters' }]);
    expect(crumbsOf('/clusters/demo', CLUSTERS)).toEqual([
      { label: 'Clusters', href: '/' },
      { label: 'Demo cluster', href: '/clusters/demo' },
      { label: 'Nodes and ring' },
    ]);
    expect(crumbsOf('/clusters/demo/keyspaces/ks/events', CLUSTERS)).toEqual([
      { label: 'Clusters', href: '/' },
      { label: 'Demo cluster', href: '/clusters/demo' },
      { label: 'Keyspaces', href: '/clusters/demo/keyspaces' },
      { label: 'ks', href: '/clusters/demo/keyspaces/ks' },
      { label: 'events' },
    ]);
    expect(crumbsOf('/clusters/demo/nodes/127.0.0.3', CLUSTERS).slice(2)).toEqual([
      { label: 'Nodes and ring', href: '/clusters/demo' },
      { label: 'Node 127.0.0.3' },
    ]);
    expect(crumbsOf('/admin/users', CLUSTERS)).toEqual([{ label: 'Console' }, { label: 'Users' }]);
    // A cluster the list does not name is shown by its id.
    expect(crumbsOf('/clusters/gone/query', CLUSTERS)[1]).toEqual({ label: 'gone', href: '/clusters/gone' });
  });
});
