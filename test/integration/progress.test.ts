import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, isRoot, netnsList, nslab as nslabRaw, uniqueLab, writeTopology } from '../helpers/nslab.js';

/** The CLI's result as text (the shared helper's execa Result type is wider than what it returns). */
async function nslab(args: readonly string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await nslabRaw(args);
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/*
 * Progress of `up` and `down` on a terminal, and silence elsewhere. A
 * terminal is made with util-linux `script` (a pseudo-terminal around the
 * command); a pipe is what execa gives by default. The lab: 60 hosts on one
 * LAN (61 namespaces with its bridge).
 */

const HOSTS = 60;
const lab = uniqueLab('prg');
const hosts = Array.from({ length: HOSTS }, (_, i) => `h${i + 1}`);
const file = writeTopology(
  'many.yaml',
  `name: ${lab}\ntopology:\n  nodes:\n${hosts.map((h) => `    ${h}: {}`).join('\n')}\n  links:\n    - { lan: [${hosts.join(', ')}], name: sw }\n`,
);
const NAMESPACES = HOSTS + 1;

/** The environment without CI (a developer's terminal), or with it. */
function env(ci: boolean): Record<string, string> {
  const e = Object.fromEntries(Object.entries(process.env).filter((kv): kv is [string, string] => kv[0] !== 'CI' && kv[1] !== undefined));
  return ci ? { ...e, CI: 'true' } : e;
}

/** Run nslab inside a pseudo-terminal; what the terminal received. */
async function onTerminal(args: string[], ci = false): Promise<{ exitCode: number | undefined; output: string }> {
  const command = ['node', CLI, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = await execa('script', ['-q', '-e', '-c', command, '/dev/null'], { reject: false, timeout: 120_000, env: env(ci), extendEnv: false, stdin: 'ignore' });
  return { exitCode: r.exitCode, output: r.stdout };
}

const CLEAR = '\r\x1b[K';

describe.skipIf(!isRoot)('progress of up and down', () => {
  afterAll(async () => {
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('draws done/total per phase on a terminal while up runs, then erases it before the summary', async () => {
    const r = await onTerminal(['up', file]);
    expect(r.exitCode, r.output).toBe(0);
    expect(r.output).toContain(`${CLEAR}up ${lab}: namespaces ${NAMESPACES}/${NAMESPACES} 100%`);
    expect(r.output).toMatch(new RegExp(`up ${lab}: links \\d+/\\d+ \\d+%`));
    expect(r.output).toMatch(/\d+(\.\d)?k?\/s/); // a rate
    // The line is erased, and the summary starts on a clean line.
    expect(r.output).toContain(`${CLEAR}lab '${lab}' is up: ${NAMESPACES} nodes`);
  });

  it('draws the namespaces going away while down runs on a terminal', async () => {
    const r = await onTerminal(['down', lab]);
    expect(r.exitCode, r.output).toBe(0);
    expect(r.output).toMatch(new RegExp(`\\r\\x1b\\[Kdown ${lab}: removing namespaces \\d+/${NAMESPACES} `));
    expect(r.output).toContain(`${CLEAR}lab '${lab}' is down`);
  });

  it('stays quiet in CI, even on a terminal', async () => {
    const up = await onTerminal(['up', file], true);
    expect(up.exitCode, up.output).toBe(0);
    expect(up.output).not.toContain('\x1b[K');
    expect(up.output.trimStart().startsWith(`lab '${lab}' is up`)).toBe(true);
    const down = await onTerminal(['down', lab], true);
    expect(down.output).not.toContain('\x1b[K');
  });

  it('stays quiet when stdout is a pipe', async () => {
    const up = await execa('node', [CLI, 'up', file], { reject: false, env: env(false), extendEnv: false, stdin: 'ignore' });
    expect(up.exitCode, up.stderr).toBe(0);
    expect(up.stdout.startsWith(`lab '${lab}' is up: ${NAMESPACES} nodes`)).toBe(true);
    expect(`${up.stdout}${up.stderr}`).not.toMatch(/\r|\x1b/);
    const down = await execa('node', [CLI, 'down', lab], { reject: false, env: env(false), extendEnv: false, stdin: 'ignore' });
    expect(down.stdout).toMatch(/^lab '.*' is down/);
    expect(`${down.stdout}${down.stderr}`).not.toMatch(/\r|\x1b/);
  });
});
