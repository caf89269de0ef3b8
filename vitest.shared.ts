import { fileURLToPath } from 'node:url';

/** What both Vitest layers share: the `@/` alias, and `server-only` made importable outside Next.js. */
export const sharedResolve = {
  alias: {
    '@': fileURLToPath(new URL('.', import.meta.url)),
    'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
  },
};
