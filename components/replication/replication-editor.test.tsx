import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TargetReplication } from './use-replication';
import { ReplicationEditor } from './replication-editor';

// The data hooks are mocked, not the network: the editor is tested for what it asks and shows.
const hooks = vi.hoisted(() => ({
  preview: vi.fn(),
  alter: {
    mutate: vi.fn(),
    reset: vi.fn(),
    isPending: false,
    isSuccess: false,
    isError: false,
    data: undefined as { schemaAgreed: boolean } | undefined,
    error: null as Error | null,
  },
}));
vi.mock('./use-replication', () => ({
  useReplicationPreview: hooks.preview,
  useAlterReplication: () => hooks.alter,
}));
vi.mock('@/components/live/live-cluster', () => ({ useLiveCluster: () => ({ clusterId: 'demo' }) }));

const statementFor = (target: TargetReplication) =>
  `ALTER KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', ${Object.entries(target.factors)
    .map(([dc, rf]) => `'${dc}': ${rf}`)
    .join(', ')}}`;

function previewAnswers(clusterId: string, keyspace: string, target: TargetReplication) {
  return {
    data: {
      statement: statementFor(target),
      changed: true,
      nextSteps: [`nodetool repair -full ${keyspace} on every node of ${clusterId}`],
      warnings: [{ severity: 'warning', message: 'dc2 keeps only one replica' }],
    },
    isError: false,
    error: null,
  };
}

function renderEditor() {
  return render(
    <ReplicationEditor
      keyspace="shop"
      current={{ strategy: 'SimpleStrategy', factors: { '*': 5 } }}
      dcs={['dc1', 'dc2']}
      onClose={() => undefined}
    />,
  );
}

beforeEach(() => {
  hooks.preview.mockReset().mockImplementation(previewAnswers);
  hooks.alter.mutate.mockReset();
  Object.assign(hooks.alter, { isPending: false, isSuccess: false, isError: false, data: undefined, error: null });
});

describe('ReplicationEditor', () => {
  it('starts from the current factor (at most 3 per DC) and previews the ALTER for what is typed', async () => {
    const user = userEvent.setup();
    renderEditor();
    expect(screen.getByTestId<HTMLInputElement>('factor-dc1').value).toBe('3');
    expect(screen.getByTestId('alter-statement').textContent).toBe(
      "ALTER KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3}",
    );
    expect(screen.getByText('dc2 keeps only one replica').className).toBe('w-warning');
    expect(screen.getByTestId('next-steps').textContent).toBe('nodetool repair -full shop on every node of demo');

    // A DC set to 0 leaves the map instead of being sent with no replicas.
    await user.clear(screen.getByTestId('factor-dc2'));
    await user.type(screen.getByTestId('factor-dc2'), '0');
    expect(hooks.preview).toHaveBeenLastCalledWith('demo', 'shop', {
      strategy: 'NetworkTopologyStrategy',
      factors: { dc1: 3 },
    });
    expect(screen.getByTestId('alter-statement').textContent).toBe(
      "ALTER KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3}",
    );
  });

  it('runs nothing until confirmed, then runs exactly the statement it showed', async () => {
    const user = userEvent.setup();
    renderEditor();
    await user.click(screen.getByTestId('alter-run'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Run this statement on cluster demo?');
    expect(dialog.querySelector('pre')?.textContent).toBe(screen.getByTestId('alter-statement').textContent);

    await user.click(within(dialog).getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(hooks.alter.mutate).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('alter-run'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(hooks.alter.mutate).toHaveBeenCalledTimes(1);
    expect(hooks.alter.mutate.mock.calls[0]?.[0]).toEqual({
      clusterId: 'demo',
      keyspace: 'shop',
      replication: { strategy: 'NetworkTopologyStrategy', factors: { dc1: 3, dc2: 3 } },
      confirmedStatement:
        "ALTER KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3}",
    });
  });

  it('cannot apply a change that changes nothing', () => {
    hooks.preview.mockImplementation((clusterId: string, keyspace: string, target: TargetReplication) => {
      const answer = previewAnswers(clusterId, keyspace, target);
      return { ...answer, data: { ...answer.data, changed: false, nextSteps: [] } };
    });
    renderEditor();
    expect(screen.getByText('This is the current replication: nothing to change.')).toBeDefined();
    expect(screen.getByTestId<HTMLButtonElement>('alter-run').disabled).toBe(true);
  });

  it('says why when the preview or the change fails', () => {
    hooks.preview.mockReturnValue({ data: undefined, isError: true, error: new Error('keyspace shop does not exist') });
    Object.assign(hooks.alter, { isError: true, error: new Error('the statement changed since it was confirmed') });
    renderEditor();
    expect(screen.getByTestId('preview-error').textContent).toBe(
      'Cannot preview the change: keyspace shop does not exist',
    );
    expect(screen.getByTestId('alter-error').textContent).toBe(
      'Not changed: the statement changed since it was confirmed',
    );
    expect(screen.getByTestId<HTMLButtonElement>('alter-run').disabled).toBe(true);
  });
});
