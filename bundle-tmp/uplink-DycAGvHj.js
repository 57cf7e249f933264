export { c as uplinkStep } from "./uplink-BNLcprHh.js";
