import type { Connection } from '../netlink/connection.js';
import type { Plan } from '../topology/plan.js';
import type { Journal, StepEntry } from './state.js';

/** What a step may use while the lab is being built. */
export interface ApplyContext {
  readonly plan: Plan;
  readonly journal: Journal;
  /** An fd of a lab namespace (for setns, IFLA_NET_NS_FD, sockets inside it). */
  netnsFd(netns: string): number;
  /** The rtnetlink connection opened inside a lab namespace. */
  rtnl(netns: string): Connection;
  /** Facts for later commands (exec, down, inspect), saved in lab.json under the step's name. */
  remember(fact: unknown): void;
  progress?(phase: string, done: number, total: number): void;
}

/**
 * A piece of `up` beyond namespaces, links, addresses and routes: node
 * confinement, NAT, commands run at start. Each step journals what it is
 * about to make (entries with its own `op` names, written before the
 * object exists) and knows how to undo each entry, which `down` calls
 * newest first, after a crash too, and twice without harm.
 */
export interface Step {
  readonly name: string;
  /** The journal ops this step owns. */
  readonly ops: readonly string[];
  apply(ctx: ApplyContext): void | Promise<void>;
  /** Undo one entry; true if something was there. `facts` is what apply remembered, if it got that far. */
  undo(entry: StepEntry, lab: string, facts: unknown): boolean | Promise<boolean>;
  /** Undo a run of entries of one op together (faster for thousands); how many were there. */
  undoMany?(entries: readonly StepEntry[], lab: string, facts: unknown): Promise<number>;
}
