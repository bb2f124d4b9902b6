/** `--name value` command-line options, with defaults. */
export function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
}

/** A positive integer option; accepts 100_000 and 100k / 1m. */
export function intOption(argv: string[], name: string, fallback: number): number {
  const raw = option(argv, name, String(fallback)).replace(/_/g, '').toLowerCase();
  const match = /^(\d+)([km]?)$/.exec(raw);
  if (!match) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return Number(match[1]) * (match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1);
}
