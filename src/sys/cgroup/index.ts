/** Node resource limits with cgroups: v2, v1 and hybrid machines, detected once. */
export { cgroupLayout, detectCgroups, type CgroupLayout, type CgroupMode, type Hierarchy } from './detect.js';
export { CgroupError, LimitError } from './errors.js';
export { realCgroupFs, type CgroupFs } from './fs.js';
export {
  parseCpu,
  parseCpuList,
  parseCpuSet,
  parseLimits,
  parseMemory,
  parsePids,
  formatCpuList,
  type CgroupLimits,
  type CpuQuota,
  type RawLimits,
} from './limits.js';
export {
  labCgroupName,
  type CgroupManager,
  type CgroupRecord,
  type CgroupStats,
  type KillOptions,
  type KillReport,
  type LabTree,
} from './record.js';
export { createCgroupManager, openCgroupManager, type ManagerOptions } from './create.js';
export { CgroupV1Manager } from './v1.js';
export { CgroupV2Manager } from './v2.js';
