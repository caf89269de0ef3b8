import { describe, expect, it } from 'vitest';
import { describeGrants, grantsNote, grantsProblem, nextGrant, sameGrants } from './grants';

const CLUSTERS = [
  { id: 'demo', name: 'Local demo cluster' },
  { id: 'prod', name: 'prod' },
];

describe('grants as the users page shows them', () => {
  it('names the every-cluster grant first, then clusters by id', () => {
    expect(
      describeGrants([
        { cluster: 'prod', role: 'operator' },
        { cluster: '*', role: 'viewer' },
        { cluster: 'demo', role: 'admin' },
      ]),
    ).toBe('viewer on every cluster, admin on demo, operator on prod');
    expect(describeGrants([])).toBe('none');
  });

  it('refuses two grants on one cluster instead of letting the server keep the last', () => {
    expect(grantsProblem([{ cluster: 'demo', role: 'viewer' }])).toBeNull();
    expect(
      grantsProblem([
        { cluster: '*', role: 'viewer' },
        { cluster: 'demo', role: 'admin' },
      ]),
    ).toBeNull();
    expect(
      grantsProblem([
        { cluster: 'demo', role: 'viewer' },
        { cluster: 'demo', role: 'admin' },
      ]),
    ).toBe('demo has two grants: keep one role per cluster');
    expect(
      grantsProblem([
        { cluster: '*', role: 'viewer' },
        { cluster: '*', role: 'admin' },
      ]),
    ).toBe('every cluster (*) has two grants: keep one role per cluster');
  });

  it('says when a grant set makes a console administrator or grants nothing', () => {
    expect(grantsNote([{ cluster: '*', role: 'admin' }])).toMatch(
      /^admin on every cluster makes a console administrator/,
    );
    expect(grantsNote([{ cluster: 'demo', role: 'admin' }])).not.toMatch(/console administrator/);
    expect(grantsNote([])).toBe('no grants: they can sign in but see no cluster');
  });

  it('adds the first cluster not granted yet, then every cluster', () => {
    expect(nextGrant([], CLUSTERS)).toEqual({ cluster: 'demo', role: 'viewer' });
    expect(nextGrant([{ cluster: 'demo', role: 'admin' }], CLUSTERS)).toEqual({ cluster: 'prod', role: 'viewer' });
    expect(
      nextGrant(
        [
          { cluster: 'demo', role: 'admin' },
          { cluster: 'prod', role: 'viewer' },
        ],
        CLUSTERS,
      ),
    ).toEqual({ cluster: '*', role: 'viewer' });
  });

  it('treats the same grants in another order as no change', () => {
    const a = [
      { cluster: 'demo', role: 'viewer' },
      { cluster: '*', role: 'operator' },
    ] as const;
    expect(sameGrants([...a], [...a].reverse())).toBe(true);
    expect(sameGrants([...a], [{ cluster: 'demo', role: 'viewer' }])).toBe(false);
    expect(sameGrants([{ cluster: 'demo', role: 'viewer' }], [{ cluster: 'demo', role: 'operator' }])).toBe(false);
  });
});
