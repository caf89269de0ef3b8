/** The Python objects cqlsh holds for CQL values, as far as its printing depends on them. */
export type PyValue =
  | { kind: 'none' }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'decimal'; unscaled: bigint; scale: number }
  | { kind: 'uuid'; value: string }
  | { kind: 'datetime'; micros: bigint }
  | { kind: 'date'; days: number }
  | { kind: 'time'; nanos: bigint }
  | { kind: 'duration'; months: number; days: number; nanos: bigint }
  | { kind: 'list' | 'tuple' | 'sortedset'; items: PyValue[] }
  | { kind: 'map'; entries: [PyValue, PyValue][] }
  | { kind: 'namedtuple'; typeName: string; fieldNames: string[]; items: PyValue[] }
  /**
   * A value the driver handed over in a shape no Python object stands for (not what its CQL type
   * decodes to): printed as an unprintable marker, `reason` says why (without the value, for logs).
   */
  | { kind: 'opaque'; text: string; reason: string };
