import { commandsStep } from './commands.js';
import { confineStep } from './confine.js';
import { etcFilesStep } from './etc-files.js';
import { natStep } from './nat.js';
import type { Step } from './step.js';
import { uplinkStep } from './uplink.js';

/**
 * The steps of `up` after the network exists, in the order they run.
 * `down` undoes their journal entries newest first.
 */
export const STEPS: readonly Step[] = [confineStep, etcFilesStep, uplinkStep, natStep, commandsStep];
