import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logLevelFrom, REDACTED } from './logger';
import { requestIdOf } from './request-id';

function capture(env: Record<string, string | undefined> = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger(env, sink), lines };
}

describe('logger', () => {
  it('censors passwords, credentials and authorization headers wherever they are nested', () => {
    const { log, lines } = capture();
    log.info(
      {
        password: 'top-secret-1',
        cluster: { id: 'demo', credentials: { username: 'ops', password: 'top-secret-2' } },
        jolokia: { config: { password: 'top-secret-3' } },
        headers: { authorization: 'Basic dG9wLXNlY3JldA==', cookie: 'session=top-secret-4', accept: 'text/html' },
      },
      'connecting',
    );
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/top-secret|dG9wLXNlY3JldA/);
    expect(lines[0]).toMatchObject({
      msg: 'connecting',
      password: REDACTED,
      cluster: { id: 'demo', credentials: REDACTED },
      jolokia: { config: { password: REDACTED } },
      headers: { authorization: REDACTED, cookie: REDACTED, accept: 'text/html' },
    });
  });

  it('censors in child loggers too, and names the component', () => {
    const { log, lines } = capture();
    log.child({ component: 'collector' }).warn({ password: 'hunter2' }, 'x');
    expect(lines[0]).toMatchObject({ component: 'collector', password: REDACTED, level: 40 });
  });

  it('logs an error by its kind, message and stack, not the fields it carries', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error('prepare failed'), {
      code: 8704,
      query: "CREATE ROLE ops WITH PASSWORD = 'top-secret-5'",
    });
    log.error({ err: error }, 'failed');
    expect(lines[0]?.err).toMatchObject({ type: 'Error', message: 'prepare failed', code: 8704 });
    expect(JSON.stringify(lines[0])).not.toContain('top-secret-5');
  });

  it('takes its level from RINGSIDE_LOG_LEVEL and reports a bad one', () => {
    expect(logLevelFrom({})).toEqual({ level: 'info', problem: null });
    expect(logLevelFrom({ RINGSIDE_LOG_LEVEL: 'DEBUG' })).toEqual({ level: 'debug', problem: null });
    expect(logLevelFrom({ RINGSIDE_LOG_LEVEL: 'loud' }).level).toBe('info');
    const { log, lines } = capture({ RINGSIDE_LOG_LEVEL: 'loud' });
    expect(lines[0]).toMatchObject({ level: 40, msg: expect.stringContaining('RINGSIDE_LOG_LEVEL="loud"') });
    log.debug('not written at info');
    expect(lines).toHaveLength(1);
  });
});

describe('request ids', () => {
  const withHeader = (value?: string) =>
    requestIdOf({ headers: new Headers(value === undefined ? {} : { 'x-request-id': value }) });

  it('keeps a well-formed x-request-id and replaces anything else with a fresh id', () => {
    expect(withHeader('edge-1234.abc')).toBe('edge-1234.abc');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(withHeader()).toMatch(uuid);
    expect(withHeader('bad id with "quotes" and ${jndi}')).toMatch(uuid);
    expect(withHeader('x'.repeat(200))).toMatch(uuid);
    expect(withHeader()).not.toBe(withHeader());
  });
});
