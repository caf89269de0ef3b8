import { describe, expect, it } from 'vitest';
import type { RunningNow } from '@/server/overview/running-fold';
import { runningCounts, runningGaps, runningItems } from './running-now-model';

const EMPTY: RunningNow = {
  at: 0,
  compactions: [],
  repairs: [],
  streams: [],
  jobs: [],
  unanswered: { compactions: {}, repairs: {}, streams: {} },
  failed: {},
};

describe('running now, as rows', () => {
  it('counts nothing and vouches for everything when every node answered', () => {
    expect(runningCounts(EMPTY)).toEqual({ compactions: 0, repairs: 0, streams: 0, operations: 0, total: 0 });
    expect(runningItems(EMPTY)).toEqual([]);
    expect(runningGaps(EMPTY)).toEqual([]);
  });

  it("works a stream's figure out of its bytes when Cassandra has not given a percentage yet", () => {
    const [stream] = runningItems({
      ...EMPTY,
      streams: [
        { node: '127.0.0.1', operation: 'Bootstrap', peers: [], percent: null, bytes: { done: 300, total: 1200 } },
      ],
    });
    expect(stream).toMatchObject({ what: 'Bootstrap stream', where: '127.0.0.1', percent: 25, path: '/activity' });
  });

  it("shows a 4.0 node's stream plan in its own words, without a bar it has no figure for", () => {
    const [stream] = runningItems({
      ...EMPTY,
      streams: [
        {
          node: '127.0.0.2',
          operation: 'Unbootstrap with 127.0.0.47 (plan p1)',
          peers: [],
          percent: null,
          bytes: null,
        },
      ],
    });
    expect(stream).toMatchObject({
      what: 'Unbootstrap with 127.0.0.47 (plan p1)',
      percent: null,
      detail: 'no figures (Cassandra 4.0)',
    });
  });

  it('says a source that failed whole once, instead of listing its nodes', () => {
    const gaps = runningGaps({
      ...EMPTY,
      failed: { streams: 'streams: no answer within 3 s' },
      unanswered: { compactions: { '127.0.0.3': 'refused' }, repairs: {}, streams: { '127.0.0.2': 'ignored' } },
    });
    // A source that failed whole first: it says more than a node that stayed silent.
    expect(gaps).toEqual([
      'streams could not be read: streams: no answer within 3 s',
      'no compactions from 127.0.0.3 (refused)',
    ]);
  });
});
