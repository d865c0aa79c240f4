#!/usr/bin/env node
import { run } from "./cli.ts";

// `sessiontrail ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// No process.exit(): let stdout drain, then exit with the code.
process.exitCode = await run(process.argv.slice(2));
