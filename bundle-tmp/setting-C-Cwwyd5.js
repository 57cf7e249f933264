export { r as compileSetting, i as forSandbox, a as parseSeccompSetting } from "./setting-D7BpVGwZ.js";
