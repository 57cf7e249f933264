/** What `nslab exec [--starting] [LAB] NODE [-- CMD ARGS…]` was asked. */
export interface ExecWords {
  /** LAB and NODE, or NODE alone. */
  readonly names: readonly string[];
  /** Everything after the first `--`, untouched by option parsing. */
  readonly command: readonly string[];
  readonly starting: boolean;
}

/**
 * exec's words (those after `exec`) read without commander, or undefined
 * when commander should read them: an option other than --starting (--help
 * among them) or a number of names it would refuse.
 */
export function plainExecWords(words: readonly string[]): ExecWords | undefined {
  const dash = words.indexOf('--');
  const before = dash < 0 ? words : words.slice(0, dash);
  const names = before.filter((w) => w !== '--starting');
  if (names.some((w) => w.startsWith('-')) || names.length === 0 || names.length > 2) return undefined;
  return { names, command: dash < 0 ? [] : words.slice(dash + 1), starting: names.length !== before.length };
}
