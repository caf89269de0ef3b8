/**
 * Silences, as Alertmanager has them: label matchers (`=`, `!=`, `=~`, `!~`), a start and an end, who
 * and why. A silenced alert still fires and is shown; it only sends nothing while the silence is
 * active. Once it ends, an alert still firing notifies then. A maintenance window is a silence on
 * `cluster` (and `dc` or `node`) set ahead of time. Pure.
 */
import { z } from 'zod';
import type { AlertLabels } from './observations';

export const matcherSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a label name: letters, digits and _'),
    op: z.enum(['=', '!=', '=~', '!~']),
    value: z.string().max(1000),
  })
  .superRefine((matcher, ctx) => {
    if (matcher.op !== '=~' && matcher.op !== '!~') return;
    try {
      new RegExp(`^(?:${matcher.value})$`);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `not a regular expression: ${(error as Error).message}`,
      });
    }
  });
export type Matcher = z.infer<typeof matcherSchema>;

export const silenceInputSchema = z
  .object({
    matchers: z.array(matcherSchema).min(1).max(20),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    comment: z.string().trim().min(1, 'say why (it is shown beside every alert it mutes)').max(2000),
  })
  .refine((s) => s.endsAt > s.startsAt, { path: ['endsAt'], message: 'must be after startsAt' })
  .refine((s) => s.matchers.some((m) => (m.op === '=' || m.op === '=~') && m.value !== '' && m.value !== '.*'), {
    path: ['matchers'],
    message:
      'at least one matcher must select something (= or =~ a non-empty value): a silence of everything hides every page',
  });
export type SilenceInput = z.infer<typeof silenceInputSchema>;

export interface Silence extends SilenceInput {
  id: string;
  createdBy: string;
  createdAt: number;
  /** Ended early by someone; null while it runs to `endsAt`. */
  expiredAt: number | null;
}

export type SilenceState = 'pending' | 'active' | 'expired';

export function silenceState(silence: Silence, now: number): SilenceState {
  const end = Math.min(silence.endsAt, silence.expiredAt ?? Number.POSITIVE_INFINITY);
  if (now >= end) return 'expired';
  return now < silence.startsAt ? 'pending' : 'active';
}

function matches(matcher: Matcher, labels: AlertLabels): boolean {
  // A missing label is the empty string, as in Alertmanager.
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

/** The active silence that mutes these labels, if any. */
export function silencedBy(labels: AlertLabels, silences: readonly Silence[], now: number): Silence | undefined {
  return silences.find((s) => silenceState(s, now) === 'active' && s.matchers.every((m) => matches(m, labels)));
}
