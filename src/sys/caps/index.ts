/**
 * Capabilities: names, sets and the node default; plain data, no libc, so
 * `nslab validate` and `up --dry-run` can use it. Giving a thread a set
 * (capset, prctl) is ./apply.ts, imported by the exec path alone.
 */
export { CAP, CAP_LAST_CAP, CAP_NAMES, type CapName } from './constants.js';
export {
  UnknownCapabilityError,
  capMask,
  capsFromMask,
  closestCapName,
  formatCapList,
  formatCapText,
  formatMask,
  isAll,
  parseCapName,
  resolveCapabilities,
  sortCaps,
  type CapSet,
} from './set.js';
export { DEFAULT_NODE_CAPS } from './default.js';
export {
  availableCapabilities,
  lastCap,
  parseStatusCaps,
  threadCapabilities,
  type TaskCapabilities,
} from './status.js';
