import '../os/threadpool.js';
import { Command, CommanderError } from 'commander';
import { VERSION } from './version.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs (all of them
 * for help or an unknown word): `nslab down` should not pay for the viewer,
 * the topology compiler or the seccomp tables before it starts.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  up: async () => (await import('./up.js')).registerUp,
  down: async () => (await import('./down.js')).registerDown,
  list: async () => (await import('./list.js')).registerList,
  inspect: async () => (await import('./inspect.js')).registerInspect,
  validate: async () => (await import('./validate.js')).registerValidate,
  schema: async () => (await import('./schema.js')).registerSchema,
  exec: async () => (await import('./exec.js')).registerExec,
  check: async () => (await import('./check.js')).registerCheck,
  link: async () => (await import('./link.js')).registerLink,
  events: async () => (await import('./events.js')).registerEvents,
  graph: async () => (await import('./graph.js')).registerGraph,
  capture: async () => (await import('./capture.js')).registerCapture,
  grade: async () => (await import('./grade.js')).registerGrade,
  agent: async () => (await import('./agent.js')).registerAgent,
};

/** Parse args (process.argv without node and script) with commander and run the command; resolves to the exit code commander asks for. */
export async function runProgram(args: readonly string[]): Promise<number | undefined> {
  const program = new Command();
  program.name('nslab').description('network-namespace labs from a YAML topology').version(VERSION).exitOverride().showHelpAfterError();
  const word = args.find((a) => !a.startsWith('-'));
  const wanted = word !== undefined && word in COMMANDS ? [word] : Object.keys(COMMANDS);
  for (const name of wanted) (await (COMMANDS[name] as () => Promise<Register>)())(program);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return undefined;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
}
