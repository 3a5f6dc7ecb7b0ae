/** Tiny typed option parsing for the benchmarks (node:util parseArgs underneath). */
import { parseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; help: string; default?: string | boolean }>;

export interface Parsed {
  str(name: string): string | undefined;
  num(name: string, min?: number, max?: number): number;
  bool(name: string): boolean;
}

export function parseOptions(argv: string[], spec: OptionSpec): Parsed {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { type: v.type }])),
    strict: true,
    allowPositionals: false,
  });
  const get = (name: string) => (values[name] ?? spec[name]?.default) as string | boolean | undefined;
  return {
    str: (name) => {
      const v = get(name);
      return typeof v === 'string' ? v : undefined;
    },
    num: (name, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY) => {
      const v = Number(get(name));
      if (!Number.isFinite(v) || v < min || v > max) throw new Error(`--${name} must be a number in [${min}, ${max}]`);
      return v;
    },
    bool: (name) => get(name) === true,
  };
}

export function usage(command: string, description: string, spec: OptionSpec): string {
  const rows = Object.entries(spec).map(([k, v]) => {
    const flag = v.type === 'boolean' ? `--${k}` : `--${k} X`;
    const def = v.default !== undefined && v.type !== 'boolean' ? ` (default ${String(v.default)})` : '';
    return `  ${flag.padEnd(26)} ${v.help}${def}`;
  });
  return [`Usage: npm run bench -- ${command} [options]`, '', description, '', ...rows].join('\n');
}
