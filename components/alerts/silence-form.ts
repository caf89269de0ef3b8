/**
 * The silence form: matcher rows, when it starts, how long it lasts (or until when), and why — turned
 * into `alerts.createSilence`'s input. The server checks everything again (silences.ts); this says
 * early what would certainly be refused, in the same words. Pure.
 */
import { localInputToMs } from '@/components/admin/audit-filter';
import type { SilenceInput } from '@/server/alerts/silences';
import type { IncidentAlert, Matcher } from './alert-format';

export const MATCHER_OPS = ['=', '!=', '=~', '!~'] as const satisfies readonly Matcher['op'][];

export interface MatcherRow {
  name: string;
  op: Matcher['op'];
  value: string;
}

/** Ready-made lengths; `until` takes the end time from `endsAt`. */
export const SILENCE_LENGTHS = [
  { key: '1h', label: '1 hour', ms: 3_600_000 },
  { key: '4h', label: '4 hours', ms: 4 * 3_600_000 },
  { key: '1d', label: '1 day', ms: 86_400_000 },
  { key: '1w', label: '1 week', ms: 7 * 86_400_000 },
] as const;
export type SilenceLength = (typeof SILENCE_LENGTHS)[number]['key'] | 'until';

export interface SilenceForm {
  matchers: MatcherRow[];
  /** `<input type="datetime-local">` value; empty for now. */
  startsAt: string;
  length: SilenceLength;
  /** `<input type="datetime-local">` value, used when `length` is `until`. */
  endsAt: string;
  comment: string;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const emptyMatcher = (): MatcherRow => ({ name: '', op: '=', value: '' });

export function emptySilenceForm(): SilenceForm {
  return { matchers: [{ name: 'node', op: '=', value: '' }], startsAt: '', length: '1h', endsAt: '', comment: '' };
}

/**
 * The form opened from an incident's alert: `node = <its node>`, `alertname`, `keyspace` and `table`
 * for a table's alert, or `alertname = <its rule>` for a cluster-wide alert (the cluster matcher is
 * added by the server).
 */
export function silenceFormFor(alert: Pick<IncidentAlert, 'labels' | 'ruleId'>): SilenceForm {
  if (!alert.labels.node && alert.labels.table)
    return {
      ...emptySilenceForm(),
      matchers: [
        { name: 'alertname', op: '=', value: alert.ruleId },
        { name: 'keyspace', op: '=', value: alert.labels.keyspace ?? '' },
        { name: 'table', op: '=', value: alert.labels.table },
      ],
    };
  const matcher: MatcherRow = alert.labels.node
    ? { name: 'node', op: '=', value: alert.labels.node }
    : { name: 'alertname', op: '=', value: alert.ruleId };
  return { ...emptySilenceForm(), matchers: [matcher] };
}

export type SilenceFormResult = { input: SilenceInput; problem: null } | { input: null; problem: string };

const refuse = (problem: string): SilenceFormResult => ({ input: null, problem });

/** The silence the form describes, made at `now`; or why it cannot be made. Blank matcher rows are left out. */
export function silenceInputOf(form: SilenceForm, now: number): SilenceFormResult {
  const rows = form.matchers.map((m) => ({ ...m, name: m.name.trim() })).filter((m) => m.name !== '' || m.value !== '');
  if (rows.length === 0) return refuse('add a matcher: which alerts does it silence?');
  const badName = rows.find((m) => !LABEL_NAME.test(m.name));
  if (badName) return refuse(`"${badName.name}" is not a label name: letters, digits and _, not starting with a digit`);
  const badRegex = rows.find((m) => (m.op === '=~' || m.op === '!~') && !isRegex(m.value));
  if (badRegex) return refuse(`${badRegex.name} ${badRegex.op} "${badRegex.value}": not a regular expression`);
  if (!rows.some((m) => (m.op === '=' || m.op === '=~') && m.value !== '' && m.value !== '.*'))
    return refuse('at least one matcher must select something (= or =~ a non-empty value)');

  const startsAt = form.startsAt.trim() ? localInputToMs(form.startsAt) : now;
  if (startsAt === undefined) return refuse(`"${form.startsAt}" is not a start time`);
  let endsAt: number | undefined;
  if (form.length === 'until') {
    endsAt = localInputToMs(form.endsAt);
    if (endsAt === undefined)
      return refuse(form.endsAt.trim() ? `"${form.endsAt}" is not an end time` : 'say when it ends');
  } else endsAt = startsAt + SILENCE_LENGTHS.find((l) => l.key === form.length)!.ms;
  if (endsAt <= startsAt) return refuse('it must end after it starts');
  if (endsAt <= now) return refuse('that end time has passed already');

  const comment = form.comment.trim();
  if (!comment) return refuse('say why (it is shown beside every alert it mutes)');
  const matchers: Matcher[] = rows.map(({ name, op, value }) => ({ name, op, value }));
  return { input: { matchers, startsAt, endsAt, comment }, problem: null };
}

function isRegex(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`);
    return true;
  } catch {
    return false;
  }
}
