/**
 * The workbench client decodes maps and sets into these rather than JavaScript's Map and Set, which
 * treat -0 and 0 (and every NaN) as one key: a `map<double, …>` holding both -0 and 0 would lose an
 * entry on screen. These keep every element Cassandra sent, in its order, and offer the forEach,
 * set/add and iteration the driver uses to decode and encode them. Pure.
 */
export class CqlMap<K = unknown, V = unknown> implements Iterable<[K, V]> {
  private readonly pairs: [K, V][] = [];

  constructor(entries?: Iterable<[K, V]>) {
    if (entries) for (const [k, v] of entries) this.pairs.push([k, v]);
  }

  set(key: K, value: V): this {
    this.pairs.push([key, value]);
    return this;
  }

  get size(): number {
    return this.pairs.length;
  }

  forEach(callback: (value: V, key: K) => void): void {
    for (const [k, v] of this.pairs) callback(v, k);
  }

  [Symbol.iterator](): Iterator<[K, V]> {
    return this.pairs[Symbol.iterator]();
  }
}

export class CqlSet<T = unknown> implements Iterable<T> {
  private readonly elements: T[] = [];

  constructor(elements?: Iterable<T>) {
    if (elements) for (const e of elements) this.elements.push(e);
  }

  add(element: T): this {
    this.elements.push(element);
    return this;
  }

  get size(): number {
    return this.elements.length;
  }

  forEach(callback: (value: T) => void): void {
    for (const e of this.elements) callback(e);
  }

  [Symbol.iterator](): Iterator<T> {
    return this.elements[Symbol.iterator]();
  }
}
