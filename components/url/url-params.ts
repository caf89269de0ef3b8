/**
 * A view's state as query parameters, pure: each parameter says what a value must look like (zod), the
 * view's default and how it is written. A value that is missing, hand edited or from an older console
 * reads as the default, so a bad link never fails a page; a value at its default is left out of the
 * URL, so an untouched view has a clean address. useUrlState (use-url-state.ts) keeps them in the URL.
 */
import { z } from 'zod';

/** What a view reads from the query string (URLSearchParams and Next's ReadonlyURLSearchParams). */
export interface ParamReader {
  get(name: string): string | null;
}

/** How one view's state is read from the query string and written to it. */
export interface UrlCodec<T> {
  read(params: ParamReader): T;
  /** Sets this view's parameters on `params` (deleting those at their default); others are kept. */
  write(value: T, params: URLSearchParams): void;
}

/** One query parameter: what a value must look like, the view's default, and how it is written. */
export interface Param<V> {
  readonly schema: z.ZodType<V>;
  readonly fallback: V;
  // Method syntax on purpose: a Param<string> must fit where a field of any type is expected.
  format(value: V): string;
}

/** A value of the URL read through its parameter: the default when absent or not valid. */
export function readParam<V>(param: Param<V>, raw: string | null): V {
  if (raw === null) return param.fallback;
  const parsed = param.schema.safeParse(raw);
  return parsed.success ? parsed.data : param.fallback;
}

/** Sets a parameter, or deletes it when the value is the default (compared as written). */
export function writeParam<V>(param: Param<V>, name: string, value: V, params: URLSearchParams): void {
  const written = param.format(value);
  if (written === param.format(param.fallback)) params.delete(name);
  else params.set(name, written);
}

/** One of a fixed set of words (`?state=running`). */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
): Param<T[number]> {
  return { schema: z.enum(values), fallback, format: (v) => v };
}

/** Free text (`?text=shop`), empty by default; longer than `maxLength` is not something the view wrote. */
export function text(maxLength = 200): Param<string> {
  return { schema: z.string().max(maxLength), fallback: '', format: (v) => v };
}

/** A whole number within bounds (`?partition=100`). */
export function int(fallback: number, min: number, max: number): Param<number> {
  return {
    // A regex rather than z.coerce: coercion would read '' as 0 and ' 1e3' as 1000.
    schema: z
      .string()
      .regex(/^-?\d{1,15}$/)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
    fallback,
    format: String,
  };
}

/** On or off (`?system=0`). */
export function flag(fallback: boolean): Param<boolean> {
  return { schema: z.enum(['0', '1']).transform((v) => v === '1'), fallback, format: (v) => (v ? '1' : '0') };
}

/** A codec for a flat state whose field names are the parameters' names. */
export function urlParams<T extends object>(shape: { [K in keyof T]: Param<T[K]> }): UrlCodec<T> {
  const names = Object.keys(shape) as (keyof T & string)[];
  return {
    read(params) {
      const value = {} as T;
      for (const name of names) value[name] = readParam(shape[name], params.get(name));
      return value;
    },
    write(value, params) {
      for (const name of names) writeParam(shape[name], name, value[name], params);
    },
  };
}
