import { describe, expect, it } from 'vitest';
import {
  describeCounts,
  destinationInputOf,
  emptyDestinationForm,
  replayable,
  type DestinationForm,
} from './destination-form';

const form = (change: Partial<DestinationForm>): DestinationForm => ({
  ...emptyDestinationForm(),
  name: 'ops',
  ...change,
});

describe('destinationInputOf', () => {
  it('makes a webhook with its format, the default types and every cluster', () => {
    expect(destinationInputOf(form({ url: ' http://127.0.0.1:9000/hook ', format: 'alertmanager-v4' }))).toEqual({
      problem: null,
      input: {
        kind: 'webhook',
        name: 'ops',
        url: 'http://127.0.0.1:9000/hook',
        format: 'alertmanager-v4',
        types: ['alert.*', 'operation.*'],
        clusters: null,
      },
    });
  });

  it('puts the secret parts of Slack and PagerDuty under credentials', () => {
    expect(
      destinationInputOf(form({ kind: 'slack', slackUrl: 'https://hooks.slack.com/services/T/B/x', clusters: 'demo' }))
        .input,
    ).toEqual({
      kind: 'slack',
      name: 'ops',
      credentials: { url: 'https://hooks.slack.com/services/T/B/x' },
      types: ['alert.*', 'operation.*'],
      clusters: ['demo'],
    });
    const key = 'a'.repeat(32);
    expect(destinationInputOf(form({ kind: 'pagerduty', routingKey: key, types: 'alert.firing' })).input).toEqual({
      kind: 'pagerduty',
      name: 'ops',
      credentials: { routingKey: key },
      types: ['alert.firing'],
      clusters: null,
    });
  });

  it('says what is missing', () => {
    expect(destinationInputOf(form({ name: ' ' })).problem).toBe('name: say where it goes');
    expect(destinationInputOf(form({ url: '' })).problem).toBe('url: where to POST');
    expect(destinationInputOf(form({ url: 'http://x', types: ' , ' })).problem).toBe(
      'types: at least one, e.g. alert.*',
    );
    expect(destinationInputOf(form({ kind: 'pagerduty', routingKey: 'short' })).problem).toBe(
      'routing key: the 32-character integration key',
    );
  });
});

describe('deliveries', () => {
  it('counts by state and replays only what is over', () => {
    expect(describeCounts({ delivered: 3, failed: 1, queued: 0 })).toBe('3 delivered · 1 failed');
    expect(describeCounts({})).toBe('none yet');
    expect(replayable({ state: 'dead' })).toBe(true);
    expect(replayable({ state: 'delivering' })).toBe(false);
  });
});
