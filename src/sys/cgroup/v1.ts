import { dirname, join } from 'node:path';
import { cpuV1, cpuacctUsageUsec } from './cpu.js';
import { cpusetV1 } from './cpuset.js';
import { freezerV1, freezerV2, type Freezer } from './freezer.js';
import { BaseCgroupManager } from './manager.js';
import { type Controllers, type LabTree } from './record.js';
import { memoryV1 } from './memory.js';
import { pidsV1 } from './pids.js';

/**
 * cgroup v1 (and hybrid): one lab cgroup per hierarchy (memory, cpu,
 * cpuacct, cpuset, pids, freezer), each beneath the invoking process's own
 * cgroup in that hierarchy, so the limits nslab itself runs under still
 * hold for the lab. On a hybrid machine the cgroup2 tree (no controllers)
 * is used too: it tracks every node process and has cgroup.kill.
 */
export class CgroupV1Manager extends BaseCgroupManager {
  readonly version = 'v1' as const;
  protected readonly impl: Controllers = { memory: memoryV1, cpu: cpuV1, cpuset: cpusetV1, pids: pidsV1 };

  protected initLab(tree: LabTree): void {
    if (tree.controllers.includes('cpuset')) cpusetV1.inherit(this.fs, tree.labDir, dirname(tree.labDir));
  }

  protected initNode(tree: LabTree, dir: string): void {
    if (tree.controllers.includes('cpuset')) cpusetV1.inherit(this.fs, dir, tree.labDir);
  }

  protected availableCpus(tree: LabTree): string | undefined {
    const parent = this.fs.exists(tree.labDir) ? tree.labDir : dirname(tree.labDir);
    return cpusetV1.available(this.fs, parent);
  }

  protected killTree(): LabTree | undefined {
    return this.trees.find((t) => t.kind === 'v2' && this.fs.exists(join(t.labDir, 'cgroup.kill')));
  }

  protected freezerTree(): { tree: LabTree; freezer: Freezer } | undefined {
    const v1 = this.trees.find((t) => t.controllers.includes('freezer'));
    if (v1) return { tree: v1, freezer: freezerV1 };
    const v2 = this.trees.find((t) => t.kind === 'v2' && this.fs.exists(join(t.labDir, 'cgroup.freeze')));
    return v2 ? { tree: v2, freezer: freezerV2 } : undefined;
  }

  protected override cpuUsageUsec(node: string): number | undefined {
    const t = this.treeFor('cpuacct');
    return t ? cpuacctUsageUsec(this.fs, this.nodeDir(t, node)) : undefined;
  }
}
