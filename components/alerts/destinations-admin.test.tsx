import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryRow, DestinationRow } from './destination-form';
import { DestinationsAdmin } from './destinations-admin';

// The data hooks are mocked, not the network: the page is tested for what it sends and shows.
const hooks = vi.hoisted(() => {
  const mutation = () => ({
    mutate: vi.fn(),
    mutateAsync: vi.fn(),
    reset: vi.fn(),
    isPending: false,
    isError: false,
    error: null as Error | null,
  });
  return {
    list: { data: undefined as DestinationRow[] | undefined, error: null as Error | null, isError: false },
    deliveries: { data: undefined as DeliveryRow[] | undefined, error: null as Error | null, isError: false },
    create: mutation(),
    update: mutation(),
    remove: mutation(),
    sendTest: mutation(),
    replay: mutation(),
  };
});
vi.mock('./use-destinations', () => ({
  useDestinations: () => hooks.list,
  useDeliveries: () => hooks.deliveries,
  useDestinationMutations: () => hooks,
}));

const HOOK: DestinationRow = {
  id: 'd-1',
  name: 'ops receiver',
  kind: 'webhook',
  url: 'http://127.0.0.1:9000/hook',
  format: 'ringside-v1',
  secretHint: '…AbCd',
  oldSecretHint: null,
  routingKeyHint: null,
  types: ['alert.*'],
  clusters: ['demo'],
  enabled: true,
  disabledReason: null,
  createdAt: Date.UTC(2024, 0, 2),
  updatedAt: Date.UTC(2024, 0, 2),
  deliveries: { delivered: 2, dead: 1 },
};

const DELIVERY: DeliveryRow = {
  id: 7,
  notificationId: 'n-7',
  destinationId: 'd-1',
  type: 'alert.firing',
  clusterId: 'demo',
  occurredAt: Date.UTC(2024, 0, 2, 10),
  state: 'delivered',
  attempts: 2,
  queuedAt: Date.UTC(2024, 0, 2, 10),
  nextAttemptAt: Date.UTC(2024, 0, 2, 10),
  lastAttemptAt: Date.UTC(2024, 0, 2, 10, 0, 5),
  lastStatus: 204,
  lastError: null,
  lastResponse: 'ok',
  lastLatencyMs: 12,
  finishedAt: Date.UTC(2024, 0, 2, 10, 0, 5),
  history: [
    {
      deliveryId: 7,
      attempt: 2,
      startedAt: Date.UTC(2024, 0, 2, 10, 0, 5),
      latencyMs: 12,
      status: 204,
      outcome: 'delivered',
      error: null,
      response: 'ok',
    },
    {
      deliveryId: 7,
      attempt: 1,
      startedAt: Date.UTC(2024, 0, 2, 10),
      latencyMs: 5000,
      status: null,
      outcome: 'retry',
      error: 'timed out after 5000 ms',
      response: null,
    },
  ],
};

function succeedsWith(result: unknown) {
  return (_: unknown, options?: { onSuccess?(data: unknown): void; onSettled?(): void }) => {
    options?.onSuccess?.(result);
    options?.onSettled?.();
  };
}

beforeEach(() => {
  Object.assign(hooks.list, { data: [HOOK], error: null, isError: false });
  Object.assign(hooks.deliveries, { data: [DELIVERY], error: null, isError: false });
  for (const m of [hooks.create, hooks.update, hooks.remove, hooks.sendTest, hooks.replay]) {
    m.mutate.mockReset();
    m.mutateAsync.mockReset();
    m.reset.mockReset();
    Object.assign(m, { isPending: false, isError: false, error: null });
  }
});

const row = () => within(screen.getByTestId('destination-row'));

describe('DestinationsAdmin', () => {
  it('lists each destination with its target, state and delivery counts', () => {
    render(<DestinationsAdmin />);
    expect(row().getByTestId('destination-name').textContent).toBe('ops receiver');
    expect(row().getByText('http://127.0.0.1:9000/hook · ringside-v1 · secret …AbCd')).toBeTruthy();
    expect(row().getByTestId('destination-state').textContent).toBe('enabled');
    expect(row().getByTestId('destination-counts').textContent).toBe('2 delivered · 1 dead');
  });

  it('adds a webhook and shows its signing secret once', async () => {
    const user = userEvent.setup();
    hooks.create.mutateAsync.mockResolvedValue({ destination: { ...HOOK, name: 'e2e' }, secret: 'whsec_c2VjcmV0' });
    render(<DestinationsAdmin />);
    await user.type(screen.getByTestId('destination-name-input'), 'e2e');
    await user.type(screen.getByTestId('destination-url'), 'http://127.0.0.1:9000/hook');
    await user.selectOptions(screen.getByTestId('destination-format'), 'alertmanager-v4');
    await user.type(screen.getByTestId('destination-clusters'), 'demo');
    await user.click(screen.getByTestId('destination-submit'));
    expect(hooks.create.mutateAsync).toHaveBeenCalledWith({
      kind: 'webhook',
      name: 'e2e',
      url: 'http://127.0.0.1:9000/hook',
      format: 'alertmanager-v4',
      types: ['alert.*', 'operation.*'],
      clusters: ['demo'],
    });
    expect(screen.getByTestId('destination-secret-value').textContent).toBe('whsec_c2VjcmV0');
    expect(screen.getByTestId<HTMLInputElement>('destination-name-input').value).toBe('');
    await user.click(screen.getByTestId('destination-secret-done'));
    expect(screen.queryByText('whsec_c2VjcmV0')).toBeNull();
    expect(hooks.create.reset).toHaveBeenCalled();
  });

  it('asks for a PagerDuty routing key and no URL', async () => {
    const user = userEvent.setup();
    hooks.create.mutateAsync.mockResolvedValue({ destination: { ...HOOK, kind: 'pagerduty' }, secret: null });
    render(<DestinationsAdmin />);
    await user.selectOptions(screen.getByTestId('destination-kind'), 'pagerduty');
    expect(screen.queryByTestId('destination-url')).toBeNull();
    await user.type(screen.getByTestId('destination-name-input'), 'on-call');
    await user.type(screen.getByTestId('destination-routing-key'), 'short');
    await user.click(screen.getByTestId('destination-submit'));
    expect(screen.getByTestId('destination-problem').textContent).toBe('routing key: the 32-character integration key');
    expect(hooks.create.mutateAsync).not.toHaveBeenCalled();
  });

  it("shows the server's refusal under the form", () => {
    Object.assign(hooks.create, { isError: true, error: new Error('url: 10.0.0.5 is a private address') });
    render(<DestinationsAdmin />);
    expect(screen.getByTestId('destination-error').textContent).toBe(
      'Destination not added: url: 10.0.0.5 is a private address',
    );
  });

  it('sends a test, disables, and deletes only once confirmed', async () => {
    const user = userEvent.setup();
    hooks.sendTest.mutate.mockImplementation(succeedsWith({ notificationId: 'n-1' }));
    hooks.remove.mutate.mockImplementation(succeedsWith({ removed: true }));
    render(<DestinationsAdmin />);
    await user.click(row().getByTestId('destination-test'));
    expect(hooks.sendTest.mutate.mock.calls[0]?.[0]).toEqual({ id: 'd-1' });
    expect(screen.getByTestId('destinations-notice').textContent).toContain('A test notification to ops receiver');
    // The test's delivery shows at once: the deliveries open with it.
    expect(screen.getByTestId('deliveries')).toBeTruthy();

    await user.click(row().getByTestId('destination-toggle'));
    expect(hooks.update.mutate.mock.calls[0]?.[0]).toEqual({ id: 'd-1', enabled: false });

    await user.click(row().getByTestId('destination-delete'));
    expect(screen.getByTestId('confirm-dialog').querySelector('pre')?.textContent).toBe(
      'delete webhook destination ops receiver → http://127.0.0.1:9000/hook',
    );
    await user.click(screen.getByTestId('confirm-no'));
    expect(hooks.remove.mutate).not.toHaveBeenCalled();
    await user.click(row().getByTestId('destination-delete'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(hooks.remove.mutate.mock.calls[0]?.[0]).toEqual({ id: 'd-1' });
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(screen.getByTestId('destinations-notice').textContent).toBe('ops receiver is deleted.');
  });

  it('shows the deliveries with status, latency, answer and every attempt, and replays a finished one', async () => {
    const user = userEvent.setup();
    render(<DestinationsAdmin />);
    await user.click(row().getByTestId('destination-show-deliveries'));
    const delivery = within(screen.getByTestId('delivery-row'));
    expect(delivery.getByTestId('delivery-type').textContent).toBe('alert.firing');
    expect(delivery.getByTestId('delivery-state').textContent).toBe('delivered');
    expect(delivery.getByTestId('delivery-status').textContent).toBe('204');
    expect(delivery.getByTestId('delivery-latency').textContent).toBe('12 ms');
    expect(delivery.getByTestId('delivery-response').textContent).toBe('ok');
    const attempts = delivery.getByTestId('delivery-attempts');
    expect(attempts.textContent).toContain('HTTP 204 · 12 ms · delivered');
    expect(attempts.textContent).toContain('no answer · 5000 ms · retry · timed out after 5000 ms');
    await user.click(delivery.getByTestId('delivery-replay'));
    expect(hooks.replay.mutate.mock.calls[0]?.[0]).toEqual({ deliveryId: 7 });
  });
});
