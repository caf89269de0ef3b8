import { describe, expect, it } from 'vitest';
import { NODE_DOWN } from '@/testing/alert-fixtures';
import { emptySilenceForm, silenceFormFor, silenceInputOf, type SilenceForm } from './silence-form';

const NOW = new Date('2024-03-05T10:00:00').getTime();
const HOUR = 3_600_000;

const form = (change: Partial<SilenceForm>): SilenceForm => ({
  ...emptySilenceForm(),
  matchers: [{ name: 'node', op: '=', value: '127.0.0.3' }],
  comment: 'disk swap',
  ...change,
});

describe('silenceFormFor', () => {
  it("starts from the alert's node, or its rule for a cluster-wide alert", () => {
    expect(silenceFormFor(NODE_DOWN).matchers).toEqual([{ name: 'node', op: '=', value: '127.0.0.3' }]);
    expect(
      silenceFormFor({ ruleId: 'cluster-unreachable', labels: { alertname: 'cluster-unreachable', cluster: 'demo' } })
        .matchers,
    ).toEqual([{ name: 'alertname', op: '=', value: 'cluster-unreachable' }]);
    expect(silenceFormFor(NODE_DOWN).length).toBe('1h');
  });

  it("starts from the rule, keyspace and table for a table's alert (repair-overdue)", () => {
    const labels = { alertname: 'repair-overdue', cluster: 'demo', keyspace: 'shop', table: 'carts' };
    expect(silenceFormFor({ ruleId: 'repair-overdue', labels }).matchers).toEqual([
      { name: 'alertname', op: '=', value: 'repair-overdue' },
      { name: 'keyspace', op: '=', value: 'shop' },
      { name: 'table', op: '=', value: 'carts' },
    ]);
  });
});

describe('silenceInputOf', () => {
  it('starts now and lasts the chosen length; blank matcher rows are left out; the comment is trimmed', () => {
    const result = silenceInputOf(
      form({
        length: '4h',
        comment: '  disk swap  ',
        matchers: [
          { name: ' node ', op: '=', value: '127.0.0.3' },
          { name: '', op: '=', value: '' },
          { name: 'alertname', op: '=~', value: 'node-.*' },
        ],
      }),
      NOW,
    );
    expect(result).toEqual({
      problem: null,
      input: {
        matchers: [
          { name: 'node', op: '=', value: '127.0.0.3' },
          { name: 'alertname', op: '=~', value: 'node-.*' },
        ],
        startsAt: NOW,
        endsAt: NOW + 4 * HOUR,
        comment: 'disk swap',
      },
    });
  });

  it('takes a start and an end time for a maintenance window', () => {
    const result = silenceInputOf(
      form({ startsAt: '2024-03-06T22:00', length: 'until', endsAt: '2024-03-07T02:30' }),
      NOW,
    );
    expect(result.input?.startsAt).toBe(new Date('2024-03-06T22:00').getTime());
    expect(result.input?.endsAt).toBe(new Date('2024-03-07T02:30').getTime());
  });

  it('says what is wrong before sending', () => {
    const problem = (change: Partial<SilenceForm>) => silenceInputOf(form(change), NOW).problem;
    expect(problem({ matchers: [{ name: '', op: '=', value: '' }] })).toBe(
      'add a matcher: which alerts does it silence?',
    );
    expect(problem({ matchers: [{ name: '1node', op: '=', value: 'x' }] })).toMatch(/"1node" is not a label name/);
    expect(problem({ matchers: [{ name: 'node', op: '=~', value: '(' }] })).toBe(
      'node =~ "(": not a regular expression',
    );
    expect(problem({ matchers: [{ name: 'node', op: '!=', value: '127.0.0.3' }] })).toMatch(
      /at least one matcher must select something/,
    );
    expect(problem({ matchers: [{ name: 'node', op: '=~', value: '.*' }] })).toMatch(/must select something/);
    expect(problem({ comment: '   ' })).toBe('say why (it is shown beside every alert it mutes)');
    expect(problem({ length: 'until', endsAt: '' })).toBe('say when it ends');
    expect(problem({ length: 'until', endsAt: '2024-03-05T09:00' })).toBe('it must end after it starts');
    expect(problem({ startsAt: '2024-03-01T09:00', length: '1h' })).toBe('that end time has passed already');
  });
});
