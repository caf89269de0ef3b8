/**
 * The console's one set of status badges. Every status has a tone (its colour, from the --status-*
 * variables of app/globals.css, light and dark), an icon and its word, so it reads without colour
 * (WCAG 1.4.1): Up/Down/Unknown, Normal/Joining/Leaving/Moving, an alert's firing/pending/recovering/ok,
 * severities, silences, jobs. The icon is decoration (aria-hidden); the word is the accessible text, and a
 * test reading the badge's text gets the word alone.
 */
import {
  Ban,
  BellOff,
  CircleAlert,
  CircleCheck,
  CircleDot,
  CircleHelp,
  CirclePause,
  CircleX,
  Clock,
  Flame,
  Hourglass,
  Info,
  LoaderCircle,
  LogIn,
  LogOut,
  MoveHorizontal,
  OctagonAlert,
  TriangleAlert,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

const TONE_CLASSES: Record<Tone, string> = {
  ok: 'border-status-ok/40 bg-status-ok/10 text-status-ok',
  bad: 'border-status-bad/45 bg-status-bad/10 text-status-bad',
  warn: 'border-status-warn/45 bg-status-warn/10 text-status-warn',
  info: 'border-status-info/40 bg-status-info/10 text-status-info',
  neutral: 'border-status-neutral/35 bg-status-neutral/5 text-status-neutral',
};

const TONE_ICONS: Record<Tone, LucideIcon> = {
  ok: CircleCheck,
  bad: CircleX,
  warn: TriangleAlert,
  info: Info,
  neutral: CircleDot,
};

type BadgeProps = {
  title?: string;
  testId?: string;
  className?: string;
};

/** A badge of a tone; the icon defaults to the tone's own. */
export function StatusBadge({
  tone,
  icon,
  children,
  title,
  testId,
  className,
}: BadgeProps & { tone: Tone; icon?: LucideIcon; children: ReactNode }) {
  const Icon = icon ?? TONE_ICONS[tone];
  return (
    <span
      data-tone={tone}
      title={title}
      data-testid={testId}
      className={cn(
        'inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-px align-middle text-xs leading-5 font-medium whitespace-nowrap',
        TONE_CLASSES[tone],
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" strokeWidth={2.25} />
      {children}
    </span>
  );
}

interface Look {
  tone: Tone;
  icon: LucideIcon;
}

/** A lookup that falls back to "unknown" for a word it has never seen, instead of failing. */
function badgeFor<K extends string>(looks: Record<K, Look>) {
  return function Badge({ value, ...props }: BadgeProps & { value: K | (string & {}) }) {
    const look: Look = (looks as Record<string, Look>)[value] ?? { tone: 'neutral', icon: CircleHelp };
    return (
      <StatusBadge tone={look.tone} icon={look.icon} {...props}>
        {value}
      </StatusBadge>
    );
  };
}

/** Cassandra's verdict on a node: Up, Down, or Unknown when nobody can tell. */
export const NodeStatusBadge = badgeFor<'Up' | 'Down' | 'Unknown'>({
  Up: { tone: 'ok', icon: CircleCheck },
  Down: { tone: 'bad', icon: CircleX },
  Unknown: { tone: 'neutral', icon: CircleHelp },
});

/** A node's place in the ring: Normal, or on its way in, out or along it. */
export const NodeStateBadge = badgeFor<'Normal' | 'Joining' | 'Leaving' | 'Moving'>({
  Normal: { tone: 'neutral', icon: CircleDot },
  Joining: { tone: 'info', icon: LogIn },
  Leaving: { tone: 'warn', icon: LogOut },
  Moving: { tone: 'info', icon: MoveHorizontal },
});

/** An alert's state: firing, pending (waiting out its `for`), recovering, ok (normal) or resolved. */
export const AlertStateBadge = badgeFor<'firing' | 'pending' | 'recovering' | 'normal' | 'ok' | 'resolved'>({
  firing: { tone: 'bad', icon: Flame },
  pending: { tone: 'warn', icon: Hourglass },
  recovering: { tone: 'warn', icon: Undo2 },
  normal: { tone: 'ok', icon: CircleCheck },
  ok: { tone: 'ok', icon: CircleCheck },
  resolved: { tone: 'ok', icon: CircleCheck },
});

/** A rule's or an incident's severity. */
export const SeverityBadge = badgeFor<'critical' | 'error' | 'warning' | 'info'>({
  critical: { tone: 'bad', icon: OctagonAlert },
  error: { tone: 'bad', icon: CircleAlert },
  warning: { tone: 'warn', icon: TriangleAlert },
  info: { tone: 'info', icon: Info },
});

/** A silence: active (muting now), pending (starts later) or expired. */
export const SilenceStateBadge = badgeFor<'active' | 'pending' | 'expired'>({
  active: { tone: 'info', icon: BellOff },
  pending: { tone: 'neutral', icon: Clock },
  expired: { tone: 'neutral', icon: CircleDot },
});

/** A job's state (server/jobs/job-types.ts), for the activity page. */
export const JobStateBadge = badgeFor<
  'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted'
>({
  queued: { tone: 'neutral', icon: Clock },
  running: { tone: 'info', icon: LoaderCircle },
  paused: { tone: 'warn', icon: CirclePause },
  succeeded: { tone: 'ok', icon: CircleCheck },
  failed: { tone: 'bad', icon: CircleX },
  cancelled: { tone: 'neutral', icon: Ban },
  interrupted: { tone: 'warn', icon: CircleAlert },
});

/** The icon of an alert that is silenced, for notes that say so in words. */
export const SilencedIcon = BellOff;
