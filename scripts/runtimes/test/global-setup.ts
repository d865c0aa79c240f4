// Brings the runtimes into the toolchain cache folder and builds the scratch consumer once per run.
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { vendorSpecs } from "../../specs.ts";
import { type Consumer, prepareConsumer } from "../consumer.ts";
import { ensureRuntimes, type Runtime, toolchainDir } from "../runtimes.ts";

export interface RuntimeMatrix {
  runtimes: Runtime[];
  consumer: Consumer;
  /** Scratch space in the toolchain cache folder (git never sees it). */
  scratch: string;
  /** The vendors, from redocly.yaml. */
  vendors: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    runtimeMatrix: RuntimeMatrix;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const scratch = join(toolchainDir(), "runtime-matrix");
  const started = performance.now();
  const runtimes = await ensureRuntimes();
  const installed = performance.now();
  const consumer = await prepareConsumer(scratch);
  console.log(
    `[runtimes] runtimes ready in ${((installed - started) / 1000).toFixed(1)} s, packed packages installed in ${((performance.now() - installed) / 1000).toFixed(1)} s`,
  );
  project.provide("runtimeMatrix", {
    runtimes,
    consumer,
    scratch,
    vendors: vendorSpecs().map((s) => s.vendor),
  });
}
