import { setFlagsFromString } from 'node:v8';

/**
 * Ask V8 to favour memory over collection speed, for `up`. By default it
 * sizes the heap for throughput: while the yaml library builds a document,
 * the young generation grows to 16 MB semi-spaces and the old one to a few
 * times what survives, so an up of 1000 hosts peaked at 126 MB of RSS with
 * 13 MB live (heap snapshots at its middle and end). up spends its time in
 * the kernel, so the extra collections (~0.1 s at 1000 hosts) do not show;
 * validate, which only parses, keeps the fast default (these flags cost a
 * 10 000-node validate a third more time).
 *
 * Both flags are read by the collector each time it sizes a space, so
 * setting them after start-up takes effect (node's command-line
 * --max-semi-space-size would not be read again).
 */
export function favourMemory(): void {
  setFlagsFromString('--optimize-for-size');
  setFlagsFromString('--semi-space-growth-factor=1');
}
