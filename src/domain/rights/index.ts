/** Public API of the pure rights engine. */
export * from "./rights.js";
export * from "./catalog-data.js";
export * from "./catalog.js";
export * from "./tool-path.js";
export * from "./model.js";
export * from "./templates.js";
export * from "./explain-right.js";
export * from "./compile-district.js";
export * from "./check-right.js";
export * from "./who-has-access.js";
export * from "./format-explanation.js";
