/** Public API of policy files (policy as code). */
export * from "./policy-document.js";
export * from "./policy-schema.js";
export * from "./parse-policy.js";
export * from "./validate-policy.js";
export * from "./policy-to-model.js";
export * from "./run-assertions.js";
export * from "./export-policy.js";
export { formatPath, locate } from "./yaml-locate.js";
