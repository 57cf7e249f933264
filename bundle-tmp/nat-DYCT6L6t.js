export { o as natStep } from "./nat-DgBeIgIt.js";
