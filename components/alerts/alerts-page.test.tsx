import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INCIDENT, NODE_DOWN, SILENCE, viewOf } from '@/testing/alert-fixtures';
import type { AlertsView, Incident, RuleInForce } from './alert-format';
import { AlertsPage } from './alerts-page';

// The data hooks are mocked, not the network: the page is tested for what it shows and sends.
const hooks = vi.hoisted(() => {
  const mutation = () => ({
    mutate: vi.fn(),
    reset: vi.fn(),
    isPending: false,
    isError: false,
    error: null as Error | null,
  });
  return {
    live: {
      clusterId: 'demo',
      data: undefined as AlertsView | undefined,
      error: null as Error | null,
      isError: false,
    },
    history: {
      data: [] as Incident[] | undefined,
      error: null,
      isError: false,
      hasOlder: false,
      loadingOlder: false,
      loadOlder: vi.fn(),
    },
    allSilences: { data: [] as unknown[], error: null, isError: false },
    rules: {
      data: undefined as { rules: RuleInForce[]; metrics: { name: string; help: string; unit: string }[] } | undefined,
      error: null as Error | null,
      isError: false,
    },
    createSilence: mutation(),
    expireSilence: mutation(),
    saveRule: mutation(),
    deleteRule: mutation(),
    mayOperate: true,
    consoleAdmin: true,
  };
});
vi.mock('./alerts-live', () => ({
  AlertsLiveProvider: ({ children }: { children: ReactNode }) => children,
  useAlertsLive: () => hooks.live,
}));
vi.mock('./use-alerts', () => ({
  useIncidentHistory: () => hooks.history,
  useAllSilences: () => hooks.allSilences,
  useSilenceMutations: () => ({ create: hooks.createSilence, expire: hooks.expireSilence }),
  useAlertRules: () => hooks.rules,
  useRuleMutations: () => ({ save: hooks.saveRule, remove: hooks.deleteRule }),
}));
vi.mock('./use-now', () => ({ useNow: () => Date.UTC(2024, 0, 2, 10, 5, 0) }));
vi.mock('@/components/auth/use-cluster-role', () => ({ useMayAct: () => hooks.mayOperate }));
vi.mock('@/components/auth/use-console-admin', () => ({ useConsoleAdmin: () => hooks.consoleAdmin }));

const RULES: RuleInForce[] = [
  {
    rule: {
      id: 'node-down',
      name: 'Node down',
      kind: 'node-down',
      severity: 'critical',
      enabled: true,
      forSeconds: 0,
      keepFiringForSeconds: 0,
    },
    source: 'starter',
  },
  {
    rule: {
      id: 'e2e-node-down',
      name: 'E2E node down',
      kind: 'node-down',
      severity: 'error',
      enabled: true,
      forSeconds: 0,
      keepFiringForSeconds: 0,
    },
    source: 'ui',
  },
  {
    rule: {
      id: 'from-file',
      name: 'From the file',
      kind: 'schema-disagreement',
      severity: 'warning',
      enabled: true,
      forSeconds: 60,
      keepFiringForSeconds: 0,
    },
    source: 'config',
  },
];
const METRICS = [
  { name: 'client.read.p99', help: 'coordinator read latency, 99th percentile', unit: 'microseconds' },
  { name: 'hints.rate', help: 'hints written per second', unit: 'per_second' },
];

beforeEach(() => {
  Object.assign(hooks.live, { data: viewOf(), error: null, isError: false });
  Object.assign(hooks.rules, { data: { rules: RULES, metrics: METRICS }, error: null, isError: false });
  Object.assign(hooks.history, { data: [], hasOlder: false });
  hooks.allSilences.data = [];
  for (const m of [hooks.createSilence, hooks.expireSilence, hooks.saveRule, hooks.deleteRule]) {
    m.mutate.mockReset();
    Object.assign(m, { isPending: false, isError: false, error: null });
  }
  hooks.mayOperate = true;
  hooks.consoleAdmin = true;
});

const incident = () => within(screen.getByTestId(`incident-${INCIDENT.id}`));
const member = (ruleName: string) => {
  const found = incident()
    .getAllByTestId('incident-member')
    .find((m) => within(m).getByTestId('member-rule').textContent === ruleName);
  if (!found) throw new Error(`no member ${ruleName}`);
  return within(found);
};

describe('AlertsPage: firing incidents', () => {
  it('shows the incident with its severity in words, its age, each member and the alerts it mutes nested under it', () => {
    render(<AlertsPage />);
    expect(incident().getByTestId('incident-title').textContent).toBe('Node down or not answering: 127.0.0.3');
    expect(incident().getByTestId('incident-severity').textContent).toBe('critical');
    expect(incident().getByTestId('incident-opened').textContent).toContain('(5 min ago)');
    expect(incident().getAllByTestId('incident-member')).toHaveLength(2);

    const down = member('Node down');
    expect(down.getByTestId('member-node').textContent).toBe('127.0.0.3');
    expect(down.getByTestId('member-state').textContent).toBe('firing');
    expect(down.getByTestId('member-detail').textContent).toBe(' — Down (not-listening)');
    expect(down.queryByTestId('member-silenced')).toBeNull();
    const muted = down.getByTestId('incident-muted');
    expect(muted.textContent).toContain('Stats agent unreachable on 127.0.0.3');
    expect(within(muted).getByTestId('muted-by').textContent).toBe('muted by node-down on 127.0.0.3');

    const silent = member('Node not answering');
    expect(silent.getByTestId('member-silenced').textContent).toBe('silenced by replacing the disk of node 3');
    expect(silent.queryByTestId('incident-muted')).toBeNull();
  });

  it('says when nothing fires, and when the cluster is not watched at all', () => {
    hooks.live.data = viewOf({ incidents: [], monitored: false, alertingNodes: [] });
    render(<AlertsPage />);
    expect(screen.getByTestId('no-incidents').textContent).toBe('No incident is firing.');
    expect(screen.getByTestId('alerts-not-monitored').textContent).toContain('alerts.monitorClusters');
  });

  it('says why the live view failed', () => {
    Object.assign(hooks.live, {
      data: undefined,
      isError: true,
      error: new Error('this needs the viewer role on demo'),
    });
    render(<AlertsPage />);
    expect(screen.getByTestId('alerts-live-error').textContent).toBe(
      'Cannot follow the alerts: this needs the viewer role on demo',
    );
  });

  it("lists each node's CQL verdict", () => {
    render(<AlertsPage />);
    expect(within(screen.getByTestId('verdict-127.0.0.1')).getByTestId('verdict-answering').textContent).toBe('yes');
    expect(within(screen.getByTestId('verdict-127.0.0.3')).getByTestId('verdict-answering').textContent).toBe('no');
    expect(within(screen.getByTestId('verdict-127.0.0.3')).getByTestId('verdict-reason').textContent).toBe(
      'connection refused',
    );
  });
});

describe('AlertsPage: silences', () => {
  it("opens the form from an alert's Silence button with its node, and sends the silence", async () => {
    const user = userEvent.setup();
    render(<AlertsPage />);
    await user.click(member('Node down').getByTestId('member-silence'));
    const form = within(screen.getByTestId('silence-form'));
    expect(form.getByTestId<HTMLInputElement>('silence-matcher-name-0').value).toBe('node');
    expect(form.getByTestId<HTMLSelectElement>('silence-matcher-op-0').value).toBe('=');
    expect(form.getByTestId<HTMLInputElement>('silence-matcher-value-0').value).toBe(NODE_DOWN.labels.node);
    expect(document.activeElement).toBe(form.getByTestId('silence-comment'));

    await user.selectOptions(form.getByTestId('silence-length'), '4h');
    await user.type(form.getByTestId('silence-comment'), 'node 3 restarts');
    const before = Date.now();
    await user.click(form.getByTestId('silence-submit'));
    const sent = hooks.createSilence.mutate.mock.calls[0]?.[0];
    expect(sent.clusterId).toBe('demo');
    expect(sent.silence.matchers).toEqual([{ name: 'node', op: '=', value: '127.0.0.3' }]);
    expect(sent.silence.comment).toBe('node 3 restarts');
    expect(sent.silence.startsAt).toBeGreaterThanOrEqual(before);
    expect(sent.silence.endsAt - sent.silence.startsAt).toBe(4 * 3_600_000);
  });

  it('refuses a silence with no reason before sending, and shows the server refusal as it is', async () => {
    const user = userEvent.setup();
    Object.assign(hooks.createSilence, {
      isError: true,
      error: new Error('a silence made on cluster "demo" may only match cluster = demo'),
    });
    render(<AlertsPage />);
    await user.type(screen.getByTestId('silence-matcher-value-0'), '127.0.0.2');
    await user.click(screen.getByTestId('silence-submit'));
    expect(screen.getByTestId('silence-problem').textContent).toBe('say why (it is shown beside every alert it mutes)');
    expect(hooks.createSilence.mutate).not.toHaveBeenCalled();
    expect(screen.getByTestId('silence-error').textContent).toBe(
      'Silence not made: a silence made on cluster "demo" may only match cluster = demo',
    );
  });

  it('lists silences with state, matchers, author and comment, past ones too, and ends an active one', async () => {
    const user = userEvent.setup();
    hooks.allSilences.data = [{ ...SILENCE, id: 'old', state: 'expired', comment: 'last week' }];
    render(<AlertsPage />);
    const row = within(screen.getByTestId('silence-silence-1'));
    expect(row.getByTestId('silence-state').textContent).toBe('active');
    expect(row.getByTestId('silence-matchers').textContent).toBe('cluster = "demo", node = "127.0.0.3"');
    expect(row.getByTestId('silence-author').textContent).toBe('ops@example.com');
    expect(row.getByTestId('silence-comment-text').textContent).toBe('replacing the disk of node 3');
    const old = within(screen.getByTestId('silence-old'));
    expect(old.getByTestId('silence-state').textContent).toBe('expired');
    expect(old.queryByTestId('silence-end-now')).toBeNull();
    await user.click(row.getByTestId('silence-end-now'));
    expect(hooks.expireSilence.mutate.mock.calls[0]?.[0]).toEqual({ clusterId: 'demo', id: 'silence-1' });
  });

  it('shows a viewer no way to make or end a silence', () => {
    hooks.mayOperate = false;
    render(<AlertsPage />);
    expect(screen.queryByTestId('silence-form')).toBeNull();
    expect(screen.queryByTestId('member-silence')).toBeNull();
    expect(screen.queryByTestId('silence-end-now')).toBeNull();
    expect(screen.getByTestId('silence-silence-1')).toBeTruthy();
  });
});

describe('AlertsPage: rules', () => {
  it('lists the rules with their source; an administrator edits all but config rules and deletes those added here', () => {
    render(<AlertsPage />);
    const rule = (id: string) => within(screen.getByTestId(`rule-${id}`));
    expect(rule('node-down').getByTestId('rule-source').textContent).toBe('starter');
    expect(rule('node-down').queryByTestId('rule-edit')).not.toBeNull();
    expect(rule('node-down').queryByTestId('rule-delete')).toBeNull();
    expect(rule('e2e-node-down').queryByTestId('rule-delete')).not.toBeNull();
    expect(rule('from-file').queryByTestId('rule-edit')).toBeNull();
    expect(rule('from-file').getByText('change it in the file')).toBeTruthy();
  });

  it('adds a threshold rule, choosing the metric from the collected ones', async () => {
    const user = userEvent.setup();
    render(<AlertsPage />);
    const form = within(screen.getByTestId('rule-form'));
    await user.type(form.getByTestId('rule-id'), 'hints-high');
    await user.type(form.getByTestId('rule-name'), 'Hints high');
    await user.selectOptions(form.getByTestId('rule-kind'), 'metric-threshold');
    await user.selectOptions(form.getByTestId('rule-metric'), 'hints.rate');
    await user.type(form.getByTestId('rule-threshold'), '100');
    await user.type(form.getByTestId('rule-recover-at'), '10');
    await user.clear(form.getByTestId('rule-for'));
    await user.type(form.getByTestId('rule-for'), '10m');
    await user.selectOptions(form.getByTestId('rule-severity'), 'warning');
    await user.click(form.getByTestId('rule-submit'));
    expect(hooks.saveRule.mutate.mock.calls[0]?.[0]).toEqual({
      rule: {
        id: 'hints-high',
        name: 'Hints high',
        kind: 'metric-threshold',
        metric: 'hints.rate',
        op: '>',
        threshold: 100,
        recoverAt: 10,
        severity: 'warning',
        enabled: true,
        forSeconds: 600,
        keepFiringForSeconds: 0,
      },
    });
  });

  it("shows the server's validation message", () => {
    Object.assign(hooks.saveRule, {
      isError: true,
      error: new Error('rule "from-file" comes from the configuration file: change it there'),
    });
    render(<AlertsPage />);
    expect(screen.getByTestId('rule-error').textContent).toBe(
      'Rule not saved: rule "from-file" comes from the configuration file: change it there',
    );
  });

  it('deletes a rule added here only once confirmed', async () => {
    const user = userEvent.setup();
    render(<AlertsPage />);
    await user.click(within(screen.getByTestId('rule-e2e-node-down')).getByTestId('rule-delete'));
    await user.click(screen.getByTestId('confirm-no'));
    expect(hooks.deleteRule.mutate).not.toHaveBeenCalled();
    await user.click(within(screen.getByTestId('rule-e2e-node-down')).getByTestId('rule-delete'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(hooks.deleteRule.mutate.mock.calls[0]?.[0]).toEqual({ id: 'e2e-node-down' });
  });

  it('shows no rule form and no destinations link to someone who is not a console administrator', () => {
    hooks.consoleAdmin = false;
    render(<AlertsPage />);
    expect(screen.queryByTestId('rule-form')).toBeNull();
    expect(screen.queryByTestId('rule-edit')).toBeNull();
    expect(screen.queryByTestId('destinations-link')).toBeNull();
  });
});

describe('AlertsPage: history', () => {
  it('lists resolved incidents and loads older ones', async () => {
    const user = userEvent.setup();
    Object.assign(hooks.history, {
      data: [{ ...INCIDENT, id: 'past-1', state: 'resolved', resolvedAt: INCIDENT.openedAt + 90_000 }],
      hasOlder: true,
    });
    render(<AlertsPage />);
    const row = within(screen.getByTestId('history-past-1'));
    expect(row.getByTestId('history-title').textContent).toBe('Node down or not answering: 127.0.0.3');
    expect(row.getByText('1 min')).toBeTruthy();
    await user.click(screen.getByTestId('history-load-older'));
    expect(hooks.history.loadOlder).toHaveBeenCalled();
  });
});
