export { t as registerCheck } from "./check-DTrUwynC.js";
