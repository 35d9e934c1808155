// Entry of the validation worker threads: piscina calls the export its pool names (`name`).
export { runValidationTask } from "./validation-task.js";
