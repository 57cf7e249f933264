export { r as etcFilesStep } from "./etc-files-3LqQkl7l.js";
