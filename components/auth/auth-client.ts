'use client';
/** better-auth's browser client: sign-in goes through its HTTP route, where its rate limiter and the audit run. */
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient({ basePath: '/api/auth' });
