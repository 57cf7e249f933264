import type { Plan } from '../topology/plan.js';
import type { Step } from './step.js';

/** A step's name and journal ops, known without loading its module. */
export interface StepRef {
  readonly name: string;
  readonly ops: readonly string[];
  /**
   * Its undo touches only files, no kernel object and nothing another step
   * needs gone first, so down may run it while namespaces are being removed.
   */
  readonly filesOnly?: boolean;
  /**
   * Its undo needs only the nodes' processes gone (steps newer than the
   * namespaces kill them) and does kernel work in the caller's own time, so
   * down runs it just before the namespaces go, while the machine is not yet
   * busy freeing them: dropping a lab's pinned mount namespaces unmounts
   * every mount in each (1000 nodes: 0.12 s on an idle machine, 0.38 s
   * behind the kernel's netns clean-up).
   */
  readonly beforeNamespaces?: boolean;
  load(): Promise<Step>;
  /**
   * The step as the shell commands that do the same (`up --explain`),
   * from a module without kernel code, so the explanation is the step's
   * own and loading it makes nothing.
   */
  explain?(): Promise<(plan: Plan) => string[]>;
}

/**
 * The steps of `up` after the network exists, in the order they run.
 * `down` undoes their journal entries newest first, loading only the steps
 * whose entries it meets (a plain lab's down never loads nf_tables code).
 * A test checks that names and ops here match the steps' own.
 */
export const STEPS: readonly StepRef[] = [
  {
    name: 'sandbox',
    ops: ['sandbox'],
    beforeNamespaces: true,
    load: async () => (await import('./sandbox.js')).sandboxStep,
    explain: async () => (await import('./confine-explain.js')).explainSandbox,
  },
  {
    name: 'confine',
    ops: ['uts', 'cgroup'],
    load: async () => (await import('./confine.js')).confineStep,
    explain: async () => (await import('./confine-explain.js')).explainConfinement,
  },
  {
    name: 'etc-files',
    ops: ['etc-hosts', 'etc-netns'],
    filesOnly: true,
    load: async () => (await import('./etc-files.js')).etcFilesStep,
    explain: async () => (await import('./etc-files.js')).explainEtcFiles,
  },
  {
    name: 'uplink',
    ops: ['uplink-link', 'uplink-route', 'host-nat-table', 'host-ip-forward'],
    load: async () => (await import('./uplink.js')).uplinkStep,
    explain: async () => (await import('./uplink-plan.js')).explainUplink,
  },
  { name: 'nat', ops: ['nat-table'], load: async () => (await import('./nat.js')).natStep, explain: async () => (await import('./nat-plan.js')).explainNat },
  { name: 'commands', ops: [], load: async () => (await import('./commands.js')).commandsStep },
];
