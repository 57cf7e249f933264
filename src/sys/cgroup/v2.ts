import { dirname, join } from 'node:path';
import { cpuV2 } from './cpu.js';
import { cpusetV2 } from './cpuset.js';
import { freezerV2, type Freezer } from './freezer.js';
import { BaseCgroupManager } from './manager.js';
import { type Controllers, type LabTree } from './record.js';
import { memoryV2 } from './memory.js';
import { pidsV2 } from './pids.js';

/** The controllers a v2 lab cgroup hands down to its nodes. */
export const V2_CONTROLLERS = ['cpuset', 'cpu', 'memory', 'pids'] as const;

/**
 * cgroup v2: one tree. The lab cgroup holds no process itself; it enables
 * the controllers its parent offers for its node children
 * (cgroup.subtree_control), and the nodes hold the processes and limits.
 * cgroup.kill empties the lab in one write (kernel 5.14+); cgroup.freeze
 * is the fallback.
 */
export class CgroupV2Manager extends BaseCgroupManager {
  readonly version = 'v2' as const;
  protected readonly impl: Controllers = { memory: memoryV2, cpu: cpuV2, cpuset: cpusetV2, pids: pidsV2 };

  /** Equivalent: `echo "+cpuset +cpu +memory +pids" > nslab-LAB/cgroup.subtree_control`. */
  protected initLab(tree: LabTree): void {
    const offered = new Set(this.fs.read(join(tree.labDir, 'cgroup.controllers')).trim().split(/\s+/));
    const enable = V2_CONTROLLERS.filter((c) => offered.has(c) && tree.controllers.includes(c));
    if (enable.length > 0) this.fs.write(join(tree.labDir, 'cgroup.subtree_control'), enable.map((c) => `+${c}`).join(' '));
  }

  protected initNode(): void {}

  protected availableCpus(tree: LabTree): string | undefined {
    const parent = this.fs.exists(tree.labDir) ? tree.labDir : dirname(tree.labDir);
    return this.fs.exists(join(parent, 'cpuset.cpus.effective')) ? cpusetV2.available(this.fs, parent) : undefined;
  }

  protected override missingControllerHint(c: string): string {
    const parent = this.trees[0] ? dirname(this.trees[0].labDir) : '(parent)';
    return `enable it for children of the parent (echo +${c} > ${join(parent, 'cgroup.subtree_control')}), or choose another cgroup parent`;
  }

  protected killTree(): LabTree | undefined {
    return this.trees.find((t) => this.fs.exists(join(t.labDir, 'cgroup.kill')));
  }

  protected freezerTree(): { tree: LabTree; freezer: Freezer } | undefined {
    const t = this.trees.find((tr) => this.fs.exists(join(tr.labDir, 'cgroup.freeze')));
    return t ? { tree: t, freezer: freezerV2 } : undefined;
  }
}
