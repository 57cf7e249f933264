export { u as encodeProgram } from "./bpf-CJj_0kLA.js";
