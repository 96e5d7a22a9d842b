/**
 * A tiny declarative schema: each message is declared once, and both its TypeScript type
 * (`Infer<typeof X>`) and its validator (`X.is(value)`) come from that one declaration, so the
 * two can never drift apart. Just enough for the page <-> worker protocol; no coercion, no messages.
 */
export interface Schema<T> {
  is(value: unknown): value is T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const schema = <T>(is: (value: unknown) => boolean): Schema<T> => ({ is: is as (value: unknown) => value is T });

export const string = schema<string>((value) => typeof value === 'string');
export const boolean = schema<boolean>((value) => typeof value === 'boolean');
export const number = schema<number>((value) => typeof value === 'number' && Number.isFinite(value));
/** A whole number >= 0: ids, counts, steps. */
export const count = schema<number>((value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);

export function literal<const T extends string | number | boolean>(...values: T[]): Schema<T> {
  return schema<T>((value) => (values as unknown[]).includes(value));
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return schema<T[]>((value) => Array.isArray(value) && value.every((entry) => item.is(entry)));
}

/** A plain object whose every value matches `item` (a MIME bundle, say). */
export function record<T>(item: Schema<T>): Schema<Record<string, T>> {
  return schema<Record<string, T>>((value) => isRecord(value) && Object.values(value).every((entry) => item.is(entry)));
}

/** Something only a structured clone can carry, checked by `instanceof`-like tests of the caller's choosing. */
export function custom<T>(is: (value: unknown) => value is T): Schema<T> {
  return schema<T>(is);
}

const OPTIONAL = Symbol('optional');
type Optional<T> = Schema<T | undefined> & { [OPTIONAL]: true };

export function optional<T>(inner: Schema<T>): Optional<T> {
  return Object.assign(schema<T | undefined>((value) => value === undefined || inner.is(value)), { [OPTIONAL]: true as const });
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema<T | null>((value) => value === null || inner.is(value));
}

type Shape = Record<string, Schema<unknown>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Flatten<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flatten<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object<const S extends Shape>(shape: S): Schema<ObjectOf<S>> & { shape: S } {
  const entries = Object.entries(shape);
  return {
    shape,
    is: (value: unknown): value is ObjectOf<S> =>
      isRecord(value) && entries.every(([key, item]) => item.is(value[key])),
  };
}

/**
 * A union tagged by one field (`type`, `output_type`): the validator looks up the member by its
 * tag instead of trying each, and the tags are the list an exhaustive switch must cover.
 */
export function tagged<const K extends string, const M extends Record<string, Shape>>(
  tag: K,
  members: M,
): Schema<{ [T in keyof M]: Flatten<{ [P in K]: T } & ObjectOf<M[T]>> }[keyof M]> & { tags: (keyof M)[] } {
  const checks = new Map(Object.entries(members).map(([name, shape]) => [name, object(shape)]));
  return {
    tags: Object.keys(members) as (keyof M)[],
    is: (value: unknown): value is never => {
      if (!isRecord(value)) return false;
      const check = checks.get(value[tag] as string);
      return check !== undefined && check.is(value);
    },
  } as never;
}
