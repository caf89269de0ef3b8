import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepairCoverage } from '@/server/repair/gc-grace';
import type { ScheduleView } from '@/server/repair/schedule-types';
import { RepairSection } from './repair-section';

const NOW = new Date('2025-06-30T12:00:00').getTime();
const DAY = 86_400_000;

// The data hooks are mocked, not the network: the section is tested for what it shows and what it asks.
const state = vi.hoisted(() => ({
  schedules: [] as unknown[],
  coverage: undefined as unknown,
  create: vi.fn(),
  pause: vi.fn(),
  resume: vi.fn(),
  remove: vi.fn(),
}));
const mutation = (mutate: unknown) => ({
  mutate,
  reset: vi.fn(),
  isError: false,
  isPending: false,
  isSuccess: false,
  error: null,
});
vi.mock('./use-repair', () => ({
  useRepairSchedules: () => ({ data: state.schedules, error: null, isError: false }),
  useGcGrace: () => ({ data: state.coverage, error: null, isError: false }),
  useScheduleActions: () => ({
    create: mutation(state.create),
    pause: mutation(state.pause),
    resume: mutation(state.resume),
    remove: mutation(state.remove),
  }),
}));
vi.mock('@/components/alerts/use-now', () => ({ useNow: () => NOW }));
vi.mock('@/components/schema/use-schema', () => ({
  useKeyspaceNames: () => ({
    data: [
      { name: 'shop', system: false },
      { name: 'system_auth', system: true },
    ],
  }),
}));

function schedule(change: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id: '6f1c7d8e-0000-4000-8000-000000000001',
    clusterId: 'demo',
    keyspace: 'shop',
    settings: {
      keyspace: 'shop',
      tables: [],
      incremental: false,
    } as unknown as ScheduleView['settings'],
    intervalDays: 7,
    firstStartAt: NOW - 7 * DAY,
    enabled: true,
    createdBy: 'op@example.com',
    createdAt: NOW - 8 * DAY,
    updatedBy: null,
    updatedAt: NOW - 8 * DAY,
    nextDueAt: NOW + 3 * 3600_000,
    nextCheckAt: NOW + 3 * 3600_000,
    lastRunId: null,
    lastRunAt: null,
    lastEvent: null,
    lastEventAt: null,
    lastMessage: null,
    lastRunState: null,
    lastRunMessage: null,
    ...change,
  };
}

const coverage = (tables: RepairCoverage['tables']): RepairCoverage => ({ checkedAt: NOW, tables, skipped: [] });

beforeEach(() => {
  state.schedules = [];
  state.coverage = coverage([]);
  for (const fn of [state.create, state.pause, state.resume, state.remove]) fn.mockReset();
});

describe('RepairSection', () => {
  it('lists schedules with their next due time and how the last run went, and pauses one', async () => {
    state.schedules = [
      schedule(),
      schedule({
        id: '6f1c7d8e-0000-4000-8000-000000000002',
        keyspace: 'billing',
        enabled: true,
        nextDueAt: NOW - 3600_000,
        lastRunId: 'aaaabbbb-cccc',
        lastRunAt: NOW - 7 * DAY,
        lastRunState: 'succeeded',
        lastEvent: 'postponed',
        lastMessage: 'postponed: repair run r1 (running) still covers billing',
      }),
    ];
    render(<RepairSection clusterId="demo" mayAct />);
    const shop = screen.getByTestId('schedule-shop');
    expect(within(shop).getByTestId('schedule-next').textContent).toMatch(/^2025-06-30 15:00 \(in 3 h\)$/);
    expect(within(shop).getByTestId('schedule-last').textContent).toBe('no run yet');
    const billing = screen.getByTestId('schedule-billing');
    expect(within(billing).getByTestId('schedule-next').textContent).toBe('now (due since 2025-06-30 11:00)');
    expect(within(billing).getByTestId('schedule-last').textContent).toBe(
      'run aaaabbbb succeeded (started 2025-06-23 12:00); postponed: repair run r1 (running) still covers billing',
    );
    await userEvent.click(within(shop).getByTestId('schedule-pause'));
    expect(state.pause).toHaveBeenCalledWith({ clusterId: 'demo', id: '6f1c7d8e-0000-4000-8000-000000000001' });
  });

  it('adds a schedule from the form, and says what is wrong before sending', async () => {
    render(<RepairSection clusterId="demo" mayAct />);
    const form = screen.getByTestId('schedule-form');
    await userEvent.click(within(form).getByTestId('schedule-add'));
    expect(screen.getByTestId('schedule-problem').textContent).toBe('keyspace: choose the keyspace to repair');
    expect(within(form).queryByText('system_auth')).toBeNull();
    await userEvent.selectOptions(within(form).getByTestId('schedule-keyspace'), 'shop');
    await userEvent.type(within(form).getByTestId('schedule-tables'), 'orders, carts');
    await userEvent.clear(within(form).getByTestId('schedule-every'));
    await userEvent.type(within(form).getByTestId('schedule-every'), '3');
    await userEvent.clear(within(form).getByTestId('schedule-first-start'));
    await userEvent.type(within(form).getByTestId('schedule-first-start'), '2025-07-01T02:00');
    await userEvent.click(within(form).getByTestId('schedule-add'));
    expect(state.create.mock.calls[0]![0]).toEqual({
      clusterId: 'demo',
      settings: { keyspace: 'shop', tables: ['orders', 'carts'], incremental: false },
      intervalDays: 3,
      firstStartAt: new Date('2025-07-01T02:00').getTime(),
    });
  });

  it('offers a viewer the list without the form or the buttons', () => {
    state.schedules = [schedule()];
    render(<RepairSection clusterId="demo" mayAct={false} />);
    expect(screen.getByTestId('schedule-shop')).toBeTruthy();
    expect(screen.queryByTestId('schedule-form')).toBeNull();
    expect(screen.queryByTestId('schedule-pause')).toBeNull();
  });

  it('warns of tables past gc_grace_seconds since their last full repair, and lists never-repaired ones', () => {
    state.coverage = coverage([
      {
        keyspace: 'shop',
        table: 'carts',
        gcGraceSeconds: 864_000,
        createdAt: NOW - 60 * DAY,
        lastRepair: {
          id: 'r1r1r1r1-x',
          keyspace: 'shop',
          tables: [],
          incremental: false,
          repairedAsOf: NOW - 12 * DAY,
          finishedAt: NOW - 12 * DAY + 60_000,
          requestedBy: 'schedule s1',
        },
        dueBy: NOW - 2 * DAY,
        overdue: true,
      },
      {
        keyspace: 'shop',
        table: 'new',
        gcGraceSeconds: 864_000,
        createdAt: NOW - DAY,
        lastRepair: null,
        dueBy: NOW + 9 * DAY,
        overdue: false,
      },
      {
        keyspace: 'shop',
        table: 'orders',
        gcGraceSeconds: 864_000,
        createdAt: NOW - 60 * DAY,
        lastRepair: null,
        dueBy: null,
        overdue: true,
      },
    ]);
    render(<RepairSection clusterId="demo" mayAct={false} />);
    const warning = screen.getByTestId('gc-grace-warning');
    expect(warning.textContent).toMatch(/^2 table\(s\) not fully repaired within gc_grace_seconds/);
    expect(warning.textContent).toMatch(/1 table\(s\) never repaired by Ringside, not due yet\./);
    const carts = screen.getByTestId('gc-grace-shop.carts');
    expect(carts.getAttribute('data-overdue')).toBe('true');
    expect(carts.textContent).toContain('2025-06-18 12:00 (12 d ago, run r1r1r1r1)');
    expect(carts.textContent).toContain('ran out 2025-06-28 12:00 (2 d ago)');
    expect(screen.getByTestId('gc-grace-shop.new').textContent).toContain('2025-07-09 12:00 (in 9 d)');
    expect(screen.getByTestId('gc-grace-shop.orders').textContent).toContain('unknown: treated as past');
  });

  it('says so when every table was repaired in time', () => {
    render(<RepairSection clusterId="demo" mayAct={false} />);
    expect(screen.getByTestId('gc-grace-ok').textContent).toMatch(
      /^Every table was fully repaired within its gc_grace_seconds\./,
    );
  });
});
