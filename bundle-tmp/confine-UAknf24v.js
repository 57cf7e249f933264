export { n as confineStep } from "./confine-FwEDBdkt.js";
