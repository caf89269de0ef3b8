import 'server-only';
/**
 * The console's one logger: JSON lines on stdout (pino, no transport — worker-thread transports do
 * not survive Next.js bundling, and stdout is what a container's log collector reads anyway). Level
 * from RINGSIDE_LOG_LEVEL (default info). Written synchronously: a start-up failure exits at once and
 * its line must not be lost in a buffer. Secrets are censored by pino itself (`redact`), so a
 * password passed in by mistake — a cluster config, a request's headers — never reaches the log.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';
import { processSingleton } from '../process-singleton';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const levelSchema = z.enum(LOG_LEVELS);

/**
 * Where a secret may sit in what is logged. fast-redact's `*` spans one level, so the usual
 * nestings are listed: `{ password }`, `{ cluster: { credentials } }`, `{ cluster: { jolokia: { password } } }`.
 */
export const REDACT_PATHS = [
  ...['password', 'credentials', 'secret', 'token', 'bearerToken', 'authorization', 'cookie'].flatMap((key) => [
    key,
    `*.${key}`,
    `*.*.${key}`,
    `*.*.*.${key}`,
    `*.*.*.*.${key}`,
  ]),
  ...['headers', 'req.headers', 'request.headers', 'res.headers', 'response.headers'].flatMap((at) => [
    `${at}.authorization`,
    `${at}.cookie`,
    `${at}["set-cookie"]`,
    `${at}["proxy-authorization"]`,
  ]),
];

export const REDACTED = '[redacted]';

/**
 * An error as logged: its kind, message, code and stack, and its cause — not its other fields, which
 * can carry what it failed on (the driver puts the statement text on prepare errors; a statement can
 * hold a password, as in CREATE ROLE … WITH PASSWORD).
 */
export function errorFields(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
    ...(error.cause !== undefined && depth < 3 ? { cause: errorFields(error.cause, depth + 1) } : {}),
  };
}

/** The level RINGSIDE_LOG_LEVEL names; anything else is reported and replaced by info. */
export function logLevelFrom(env: Record<string, string | undefined>): {
  level: (typeof LOG_LEVELS)[number];
  problem: string | null;
} {
  const raw = env.RINGSIDE_LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return { level: 'info', problem: null };
  const parsed = levelSchema.safeParse(raw);
  if (parsed.success) return { level: parsed.data, problem: null };
  return {
    level: 'info',
    problem: `RINGSIDE_LOG_LEVEL=${JSON.stringify(env.RINGSIDE_LOG_LEVEL)} is not one of ${LOG_LEVELS.join(', ')}; logging at info`,
  };
}

/** A logger with the console's settings; `destination` lets a test read what it writes. */
export function createLogger(
  env: Record<string, string | undefined> = process.env,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  const { level, problem } = logLevelFrom(env);
  const logger = pino(
    {
      level,
      base: { app: 'ringside' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: (error: unknown) => errorFields(error) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  if (problem) logger.warn(problem);
  return logger;
}

/** This process's root logger, made once (route handlers and instrumentation are bundled apart). */
export function rootLogger(): Logger {
  return processSingleton('logger', () => createLogger());
}

/** A child logger that names the component in every line (`component: "shared-poller"`). */
export function logger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return rootLogger().child({ component, ...bindings });
}
