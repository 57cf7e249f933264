import { commandsStep } from './commands.js';
import { confineStep } from './confine.js';
import type { Step } from './step.js';

/**
 * The steps of `up` after the network exists, in the order they run.
 * `down` undoes their journal entries newest first.
 */
export const STEPS: readonly Step[] = [confineStep, commandsStep];
