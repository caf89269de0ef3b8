import 'server-only';
/**
 * A CQL literal as a CSV field holds it, read into the driver value for the column's type: what
 * csv-value.ts writes (`[…]`, `{…}`, `{k: v}`, `(…)`, `{field: v, "Quoted Field": v}`, text in single
 * quotes with `''` for a quote, numbers, blobs and uuids bare, `null` inside tuples and UDTs) and what
 * cqlsh's COPY TO writes (dates and times bare, UDT field names bare even when they are not plain
 * identifiers). The type guides the reading: `{` is a set, a map or a UDT as the type says, and a
 * bare time, timestamp or inet may hold colons (`[13:45:00.250000000]`, `{::1: 3}`) where a map
 * would otherwise end its key. Any scalar may be quoted or bare, as COPY FROM reads it, except text,
 * which must be quoted inside a literal, so that `null` and `'null'` stay apart. Pure.
 */
import { cqlTypeName, type ScalarName, type TypeShape, type UdtField } from '../format/cql-type';
import {
  listValue,
  mapValue,
  plural,
  setUdtField,
  tupleValue,
  udtField,
  udtValue,
  vectorValue,
} from './value-collections';
import { fail, shown } from './value-error';
import { article, scalarValue } from './value-scalar';

/** Characters that end a bare token. */
const STOP = new Set([',', '[', ']', '{', '}', '(', ')', "'", '"', ':']);
const TEXT_TYPES = new Set<ScalarName>(['text', 'varchar', 'ascii']);
const COLON_TYPES = new Set<ScalarName>(['time', 'timestamp', 'inet']);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

class LiteralReader {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly shape: TypeShape,
  ) {}

  /** A reason naming where the literal went wrong, 1-based as an editor counts. */
  syntax(expected: string): never {
    const found = this.pos < this.text.length ? `'${this.text[this.pos]}'` : 'the end';
    return fail(
      `${shown(this.text)} is not a ${cqlTypeName(this.shape)}: expected ${expected} at character ${this.pos + 1}, found ${found}`,
    );
  }

  skipSpace(): void {
    while (isSpace(this.text[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.peek() !== ch) this.syntax(`'${ch}'`);
    this.pos++;
  }

  /** Items between `open` and `close`, separated by commas; `item` reads one (its index given). */
  private sequence<T>(open: string, close: string, item: (index: number) => T): T[] {
    this.expect(open);
    const items: T[] = [];
    this.skipSpace();
    if (this.peek() === close) {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(item(items.length));
      this.skipSpace();
      const ch = this.peek();
      this.pos++;
      if (ch === close) return items;
      if (ch !== ',') {
        this.pos--;
        this.syntax(`',' or '${close}'`);
      }
    }
  }

  /** A bare word (a number, uuid, blob, boolean, duration, `null`); colons kept inside when `colons`. */
  private bare(colons: boolean): string {
    const start = this.pos;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || isSpace(ch)) break;
      if (ch === ':' && colons) {
        const next = this.text[this.pos + 1];
        if (next === undefined || isSpace(next) || (next !== ':' && STOP.has(next))) break;
      } else if (STOP.has(ch)) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  /** `'…'` with `''` for a quote, or CQL's `$$…$$`. */
  private quoted(): string {
    if (this.text.startsWith('$$', this.pos)) {
      const end = this.text.indexOf('$$', this.pos + 2);
      if (end < 0) this.syntax("the closing '$$'");
      const body = this.text.slice(this.pos + 2, end);
      this.pos = end + 2;
      return body;
    }
    let out = '';
    this.pos++;
    for (;;) {
      const end = this.text.indexOf("'", this.pos);
      if (end < 0) {
        this.pos = this.text.length;
        this.syntax('a closing quote');
      }
      out += this.text.slice(this.pos, end);
      this.pos = end + 1;
      if (this.peek() !== "'") return out;
      out += "'";
      this.pos++;
    }
  }

  /** A UDT field name: `"Quoted ""Name"""` exactly, or bare up to the colon (cqlsh writes any name bare). */
  private fieldName(shape: Extract<TypeShape, { name: 'udt' }>): UdtField {
    this.skipSpace();
    if (this.peek() === '"') {
      let name = '';
      this.pos++;
      for (;;) {
        const end = this.text.indexOf('"', this.pos);
        if (end < 0) this.syntax("a closing '\"'");
        name += this.text.slice(this.pos, end);
        this.pos = end + 1;
        if (this.peek() !== '"') return udtField(shape, name, true);
        name += '"';
        this.pos++;
      }
    }
    const start = this.pos;
    while (this.pos < this.text.length && !/[:,{}[\]()']/.test(this.text[this.pos] ?? '')) this.pos++;
    const name = this.text.slice(start, this.pos).trim();
    if (name === '') this.syntax('a field name');
    return udtField(shape, name, false);
  }

  private isNullAhead(): boolean {
    const m = /^null(?=$|[\s,:\]})])/i.exec(this.text.slice(this.pos, this.pos + 5));
    if (m) this.pos += 4;
    return m !== null;
  }

  value(shape: TypeShape): unknown {
    this.skipSpace();
    if (this.isNullAhead()) return null;
    switch (shape.name) {
      case 'list':
        return listValue(
          this.sequence('[', ']', () => this.value(shape.element)),
          shape,
        );
      case 'vector':
        return vectorValue(
          this.sequence('[', ']', () => this.value(shape.element)),
          shape,
        );
      case 'set':
        return listValue(
          this.sequence('{', '}', () => this.value(shape.element)),
          shape,
        );
      case 'map': {
        const entries = this.sequence('{', '}', (): [unknown, unknown] => {
          const key = this.value(shape.key);
          this.expect(':');
          return [key, this.value(shape.value)];
        });
        return mapValue(entries, shape);
      }
      case 'tuple': {
        const items = this.sequence('(', ')', (i) => {
          const element = shape.elements[i];
          if (element === undefined)
            fail(`expected ${plural(shape.elements.length, 'element')} for ${cqlTypeName(shape)}, got more`);
          return this.value(element);
        });
        return tupleValue(items, shape);
      }
      case 'udt': {
        const given = new Map<UdtField, unknown>();
        this.sequence('{', '}', () => {
          const field = this.fieldName(shape);
          this.expect(':');
          setUdtField(given, field, this.value(field.type), shape);
        });
        return udtValue(given, shape);
      }
      default: {
        const ch = this.peek();
        if (ch === "'" || (ch === '$' && this.text.startsWith('$$', this.pos)))
          return scalarValue(this.quoted(), shape.name);
        const token = this.bare(COLON_TYPES.has(shape.name));
        if (token === '') this.syntax(`${article(cqlTypeName(shape))} value`);
        if (TEXT_TYPES.has(shape.name))
          fail(`text inside a ${cqlTypeName(this.shape)} is written in single quotes: ${shown(token)} is not quoted`);
        return scalarValue(token, shape.name);
      }
    }
  }
}

/** The driver value for the literal `text` of a collection, tuple, UDT or vector of type `shape`. */
export function parseCqlLiteral(text: string, shape: TypeShape): unknown {
  const reader = new LiteralReader(text, shape);
  const value = reader.value(shape);
  reader.skipSpace();
  if (!reader.atEnd()) reader.syntax('the end of the value');
  return value;
}
