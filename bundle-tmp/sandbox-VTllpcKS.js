export { r as sandboxStep } from "./sandbox-Cj29Yee9.js";
