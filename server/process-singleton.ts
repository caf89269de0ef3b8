/**
 * One instance per server process. Next.js bundles instrumentation, route handlers and server
 * components separately, so a module-level `const` can exist several times over; shared state
 * (driver clients, pollers, collectors, the store) is kept on globalThis under a symbol instead.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`ringside.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  holder[key] ??= create();
  return holder[key];
}
