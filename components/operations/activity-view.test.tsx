import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '@/server/jobs/job-types';
import { ActivityView } from './activity-view';

// The data hooks are mocked, not the network: the view is tested for what it shows and what it asks.
const state = vi.hoisted(() => ({
  jobs: [] as unknown[],
  mayAct: true,
  start: vi.fn(),
  cancel: vi.fn(),
  resume: vi.fn(),
}));
const mutation = (mutate: unknown) => ({ mutate, reset: vi.fn(), isError: false, isPending: false, error: null });
vi.mock('./use-operations', () => ({
  useJobsLive: () => ({ data: state.jobs, error: null, isError: false }),
  useJobDetail: () => ({ data: undefined, error: null, isError: false }),
  useRepairPreview: () => ({ data: undefined, error: null, isError: false }),
  useOperationActions: () => ({
    start: mutation(state.start),
    cancel: mutation(state.cancel),
    pause: mutation(vi.fn()),
    resume: mutation(state.resume),
    repairStart: mutation(vi.fn()),
  }),
}));
// The filter is read from the page's URL (jsdom's location here) once, and written back to it.
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
vi.mock('@/components/auth/use-cluster-role', () => ({ useMayAct: () => state.mayAct }));
// The repair section has its own test (repair-section.test.tsx).
vi.mock('./repair-section', () => ({ RepairSection: () => null }));
vi.mock('@/components/schema/use-schema', () => ({
  useKeyspaceNames: () => ({
    data: [
      { name: 'shop', system: false },
      { name: 'system', system: true },
    ],
  }),
}));
vi.mock('@/components/live/live-cluster', () => ({
  useLiveCluster: () => ({
    clusterId: 'demo',
    snapshot: {
      nodes: [
        { address: '127.0.0.1', dc: 'dc1' },
        { address: '127.0.0.2', dc: 'dc1' },
        { address: '127.0.0.3', dc: 'dc2' },
      ],
    },
  }),
}));

const step = (seq: number, node: string, s: Job['steps'][number]['state'], extra = {}) => ({
  seq,
  node,
  dc: 'dc1',
  rack: 'rack1',
  state: s,
  startedAt: s === 'pending' || s === 'skipped' ? null : 1000,
  endedAt: null,
  message: null,
  progress: null,
  ...extra,
});
function job(id: string, change: Partial<Job> = {}): Job {
  return {
    id,
    clusterId: 'demo',
    kind: 'flush',
    target: { scope: 'cluster', keyspace: 'shop', tables: [] },
    params: {},
    rolling: { byRack: false, settleMs: 10_000 },
    state: 'running',
    message: null,
    requestedBy: 'op@example.com',
    createdAt: 1000,
    startedAt: 1000,
    finishedAt: null,
    updatedAt: 1000,
    owner: null,
    requested: null,
    steps: [step(0, '127.0.0.1', 'succeeded'), step(1, '127.0.0.2', 'running'), step(2, '127.0.0.3', 'pending')],
    ...change,
  };
}

beforeEach(() => {
  window.history.replaceState(null, '', '/clusters/demo/activity');
  state.mayAct = true;
  state.jobs = [];
  state.start.mockReset();
  state.resume.mockReset();
});

describe('ActivityView', () => {
  it('says when nothing has run', () => {
    render(<ActivityView />);
    expect(screen.getByText('No operation has run on this cluster from the console yet.')).toBeTruthy();
  });

  it('shows each job with its nodes, its bar and a compaction step’s own progress', () => {
    state.jobs = [
      job('a', {
        kind: 'compact',
        steps: [
          step(0, '127.0.0.1', 'running', {
            progress: { completed: 25, total: 100, unit: 'bytes', taskIds: ['x'] },
          }),
        ],
        rolling: null,
        target: { scope: 'node', node: '127.0.0.1', keyspace: 'shop', tables: ['orders'] },
      }),
      job('b', {
        state: 'failed',
        message: 'stopped at node 127.0.0.2: node 127.0.0.2 is Down (not-listening)',
        steps: [step(0, '127.0.0.1', 'succeeded'), step(1, '127.0.0.2', 'failed'), step(2, '127.0.0.3', 'skipped')],
      }),
    ];
    render(<ActivityView />);
    const a = screen.getByTestId('job-a');
    expect(within(a).getByTestId('job-title').textContent).toBe('major compaction of shop.{orders} on node 127.0.0.1');
    expect(within(a).getByTestId('step-progress').getAttribute('aria-valuenow')).toBe('25');
    const b = screen.getByTestId('job-b');
    expect(within(b).getByTestId('job-title').textContent).toBe('rolling flush of shop on cluster demo');
    expect(within(b).getByTestId('job-message').textContent).toMatch(/stopped at node 127\.0\.0\.2/);
    expect(within(b).getByTestId('job-progress').getAttribute('aria-valuenow')).toBe('33');
    expect(within(b).getByTestId('step-127.0.0.3').getAttribute('data-state')).toBe('skipped');
    expect(within(b).getByTestId('job-resume')).toBeTruthy();
  });

  it('filters by state, node and text', async () => {
    state.jobs = [
      job('a'),
      job('b', { state: 'succeeded', kind: 'cleanup', steps: [step(0, '127.0.0.3', 'succeeded')] }),
    ];
    render(<ActivityView />);
    await userEvent.selectOptions(screen.getByTestId('filter-state'), 'finished');
    expect(screen.queryByTestId('job-a')).toBeNull();
    expect(screen.getByTestId('job-b')).toBeTruthy();
    await userEvent.selectOptions(screen.getByTestId('filter-state'), 'all');
    await userEvent.selectOptions(screen.getByTestId('filter-node'), '127.0.0.2');
    expect(screen.getByTestId('job-a')).toBeTruthy();
    expect(screen.queryByTestId('job-b')).toBeNull();
    await userEvent.type(screen.getByTestId('filter-text'), 'nothing like it');
    expect(screen.getByTestId('no-matching-jobs')).toBeTruthy();
  });

  it('keeps the filter in the URL: a link opens the listing it names, a changed filter is written back', async () => {
    state.jobs = [job('a'), job('b', { state: 'failed', kind: 'cleanup', steps: [step(0, '127.0.0.9', 'failed')] })];
    window.history.replaceState(null, '', '/clusters/demo/activity?state=failed&kind=cleanup&node=127.0.0.9');
    render(<ActivityView />);
    expect((screen.getByTestId('filter-state') as HTMLSelectElement).value).toBe('failed');
    expect((screen.getByTestId('filter-kind') as HTMLSelectElement).value).toBe('cleanup');
    // A node gone from the cluster is still offered, so the select shows what filters.
    expect((screen.getByTestId('filter-node') as HTMLSelectElement).value).toBe('127.0.0.9');
    expect(screen.queryByTestId('job-a')).toBeNull();
    expect(screen.getByTestId('job-b')).toBeTruthy();
    await userEvent.selectOptions(screen.getByTestId('filter-kind'), 'all');
    await userEvent.type(screen.getByTestId('filter-text'), 'shop');
    expect(window.location.search).toBe('?state=failed&node=127.0.0.9&text=shop');
  });

  it('reads a hand-edited filter it does not know as no filter', () => {
    state.jobs = [job('a')];
    window.history.replaceState(null, '', '/clusters/demo/activity?state=Sideways&kind=defrag');
    render(<ActivityView />);
    expect((screen.getByTestId('filter-state') as HTMLSelectElement).value).toBe('all');
    expect((screen.getByTestId('filter-kind') as HTMLSelectElement).value).toBe('all');
    expect(screen.getByTestId('job-a')).toBeTruthy();
  });

  it('starts a rolling compaction over a data centre after showing the exact request', async () => {
    render(<ActivityView />);
    await userEvent.selectOptions(screen.getByTestId('op-kind'), 'compact');
    await userEvent.selectOptions(screen.getByTestId('op-keyspace'), 'shop');
    await userEvent.selectOptions(screen.getByTestId('op-scope'), 'dc');
    await userEvent.selectOptions(screen.getByTestId('op-dc'), 'dc2');
    await userEvent.click(screen.getByTestId('op-start'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toMatch(/rolling major compaction of shop on data centre dc2/);
    expect(state.start).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('confirm-yes'));
    expect(state.start.mock.calls[0]![0]).toEqual({
      clusterId: 'demo',
      kind: 'compact',
      target: { scope: 'dc', dc: 'dc2', keyspace: 'shop', tables: [] },
      params: {},
      rolling: { byRack: false, settleMs: 10_000 },
    });
  });

  it('shows a job the console cannot read as unreadable, with what is wrong and no buttons, and filters it by its stored state', async () => {
    state.jobs = [
      {
        id: 'n',
        clusterId: 'demo',
        kind: 'defragment',
        state: 'running',
        createdAt: 2000,
        unreadable: 'the jobs row: Invalid option: expected one of "flush"|"compact" (at kind)',
      },
      job('a', { state: 'succeeded' }),
    ];
    render(<ActivityView />);
    const n = screen.getByTestId('job-n');
    expect(n.getAttribute('data-state')).toBe('unreadable');
    expect(within(n).getByTestId('job-title').textContent).toBe('defragment job n');
    expect(within(n).getByTestId('job-message').textContent).toMatch(
      /^This console cannot read this job, so it neither runs, resumes nor cancels it\. .*: the jobs row: Invalid option: .* \(at kind\)$/,
    );
    expect(within(n).queryAllByRole('button')).toEqual([]);
    expect(screen.getByTestId('job-a')).toBeTruthy();

    await userEvent.selectOptions(screen.getByTestId('filter-state'), 'active');
    expect(screen.getByTestId('job-n')).toBeTruthy();
    expect(screen.queryByTestId('job-a')).toBeNull();
    await userEvent.selectOptions(screen.getByTestId('filter-state'), 'finished');
    expect(screen.queryByTestId('job-n')).toBeNull();
    await userEvent.selectOptions(screen.getByTestId('filter-state'), 'all');
    await userEvent.type(screen.getByTestId('filter-text'), 'defrag');
    expect(screen.getByTestId('job-n')).toBeTruthy();
    expect(screen.queryByTestId('job-a')).toBeNull();
    await userEvent.selectOptions(screen.getByTestId('filter-kind'), 'flush');
    expect(screen.queryByTestId('job-n')).toBeNull();
  });

  it('offers no start and no buttons to a viewer', () => {
    state.mayAct = false;
    state.jobs = [job('a')];
    render(<ActivityView />);
    expect(screen.queryByTestId('start-operation')).toBeNull();
    expect(screen.queryByTestId('job-cancel')).toBeNull();
  });
});
