/**
 * A refusal from the server in words. An input its schema refused arrives as a tRPC error whose
 * message is the schema's raw issue list; the console's error formatter (server/trpc.ts) also sends
 * each issue as "path: message" in `data.zodError`, which is what a person should read. Pure.
 */
export function serverError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('data' in error)) return error;
  const { data } = error as { data?: { zodError?: unknown } | null };
  const issues = data?.zodError;
  if (!Array.isArray(issues) || issues.length === 0 || !issues.every((i) => typeof i === 'string')) return error;
  return issues.join('; ');
}
