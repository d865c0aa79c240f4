// The smoke as an ES module user runs it (Node, Bun, Deno): `<runtime> main.mjs <vendor server URL>`.
import { modules } from "./entries.mjs";
import { resultLine, runSmoke } from "./smoke.mjs";

const baseUrl = globalThis.Deno?.args?.[0] ?? globalThis.process?.argv?.[2];
console.log(resultLine(await runSmoke(modules, baseUrl)));
