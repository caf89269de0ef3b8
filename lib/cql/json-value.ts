/** A value as JSON carries it: what a user types for a bind marker. No imports, so pages may use the type. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
