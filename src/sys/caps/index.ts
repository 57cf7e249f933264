/** Capabilities: names, sets, the node default, and applying a set before execve. */
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
  CapabilityError,
  applyCapabilities,
  availableCapabilities,
  lastCap,
  parseStatusCaps,
  threadCapabilities,
  type ApplyOptions,
  type TaskCapabilities,
} from './apply.js';
