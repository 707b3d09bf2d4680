import { runThroughServer } from "./through-server.js";

// A running server that owns the embedded database runs the command itself (see through-server.ts).
const throughServer = await runThroughServer(process.argv);
process.exitCode = throughServer ?? (await (await import("./program.js")).runProgram(process.argv));
