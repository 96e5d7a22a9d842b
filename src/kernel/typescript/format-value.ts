import { format, inspect } from 'node-inspect-extracted';

/**
 * A value as Node's REPL shows it (`util.inspect`, from a kept port of Node's own code):
 * `'text'`, `Map(1) { 'a' => 1 }`, `<ref *1> { self: [Circular *1] }`, long arrays wrapped at 80
 * columns. A port cannot see inside promises and WeakMaps as Node does: they show as pending / empty.
 */
export function formatValue(value: unknown): string {
  return inspect(value);
}

/** What console.log prints for its arguments: Node's `util.format`, with `%s`, `%d`, `%o` and the rest. */
export function formatLogArguments(args: unknown[]): string {
  return format(...args);
}
