export * from "./calendar-day.js";
export * from "./lifecycle-rules.js";
