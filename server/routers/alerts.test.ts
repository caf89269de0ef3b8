/**
 * The alerts router as a console administrator and an operator use it: a rule added, refused and
 * deleted; a silence pinned to its cluster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionHeaders } from '@/testing/test-session';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { createContext } from '../trpc';
import { createCaller } from './_app';

beforeAll(() => {
  useTemporaryConfig({
    clusters: [
      { id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } },
      { id: 'staging', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } },
    ],
    alerts: { rules: [{ id: 'from-file', name: 'From the file', kind: 'node-down', severity: 'critical' }] },
  });
});

const callerFor = async (grants: Parameters<typeof sessionHeaders>[0], name: string) =>
  createCaller(createContext({ headers: await sessionHeaders(grants, name) }));

describe('alert rules through the router', () => {
  it('adds, replaces and deletes a rule; a config rule and an unknown cluster are refused', async () => {
    const api = await callerFor([{ cluster: '*', role: 'admin' }], 'rules');
    const rule = { id: 'ui-rule', name: 'UI rule', kind: 'node-down' as const, severity: 'error' as const };
    await api.alerts.saveRule({ rule });
    expect((await api.alerts.rules()).rules.find((r) => r.rule.id === 'ui-rule')?.source).toBe('ui');
    await api.alerts.saveRule({ rule: { ...rule, name: 'UI rule, renamed' } });
    expect((await api.alerts.rules()).rules.find((r) => r.rule.id === 'ui-rule')?.rule.name).toBe('UI rule, renamed');
    expect(await api.alerts.deleteRule({ id: 'ui-rule' })).toEqual({ deleted: true });
    expect((await api.alerts.rules()).rules.some((r) => r.rule.id === 'ui-rule')).toBe(false);
    expect((await trpcErrorOf(api.alerts.deleteRule({ id: 'ui-rule' }))).code).toBe('NOT_FOUND');
    const fromFile = await trpcErrorOf(api.alerts.saveRule({ rule: { ...rule, id: 'from-file' } }));
    expect(fromFile.message).toBe('rule "from-file" comes from the configuration file: change it there');
    const unknown = await trpcErrorOf(api.alerts.saveRule({ rule: { ...rule, clusters: ['nope'] } }));
    expect(unknown.message).toBe('rule.clusters: no cluster nope is configured; configured: prod, staging');
  });

  it('pins a silence to the cluster it is made on, and refuses one naming another cluster', async () => {
    const api = await callerFor([{ cluster: 'prod', role: 'operator' }], 'silences');
    const now = Date.now();
    const made = await api.alerts.createSilence({
      clusterId: 'prod',
      silence: {
        matchers: [{ name: 'node', op: '=', value: '10.0.0.3' }],
        startsAt: now,
        endsAt: now + 3_600_000,
        comment: 'disk swap',
      },
    });
    expect(made.matchers[0]).toEqual({ name: 'cluster', op: '=', value: 'prod' });
    expect(made.state).toBe('active');
    const other = await trpcErrorOf(
      api.alerts.createSilence({
        clusterId: 'prod',
        silence: {
          matchers: [{ name: 'cluster', op: '=', value: 'staging' }],
          startsAt: now,
          endsAt: now + 1000,
          comment: 'x',
        },
      }),
    );
    expect(other.code).toBe('BAD_REQUEST');
    expect(await api.alerts.expireSilence({ clusterId: 'prod', id: made.id })).toEqual({ expired: true });
    expect((await trpcErrorOf(api.alerts.expireSilence({ clusterId: 'prod', id: made.id }))).code).toBe('NOT_FOUND');
  });
});
