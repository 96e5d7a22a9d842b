/** How the TypeScript kernel shows values, close to Node's console: `'text'`, `[ 1, 2 ]`, `Task { n: 1 }`. */
export function formatValue(value: unknown, depth = 0): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'symbol':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'function': {
      const source = Function.prototype.toString.call(value);
      const name = (value as { name?: string }).name || '(anonymous)';
      return /^class[\s{]/.test(source) ? `[class ${name}]` : `[Function: ${name}]`;
    }
  }
  if (value === null) return 'null';
  if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[ ${value.map((item) => formatValue(item, depth + 1)).join(', ')} ]`;
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Promise) return 'Promise { <pending> }';
  const object = value as Record<string, unknown>;
  const prototype = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
  const name = prototype && prototype !== Object.prototype ? (prototype.constructor?.name ?? '') : '';
  const entries = Object.keys(object).map((key) => `${key}: ${formatValue(object[key], depth + 1)}`);
  const body = entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  return name ? `${name} ${body}` : body;
}

/** What console.log prints for its arguments: strings as they are, other values formatted. */
export function formatLogArguments(args: unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg))).join(' ');
}
