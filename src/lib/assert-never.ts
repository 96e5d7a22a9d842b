/** Makes a switch exhaustive: adding a variant to a union breaks the build until it is handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
