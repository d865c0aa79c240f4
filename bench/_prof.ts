import { vendors } from "./normalize.ts";

const which = process.argv[2]!;
const v = vendors()[which]!;
const parsed = JSON.parse(JSON.stringify(v.payload));
let sink = 0;
const t = performance.now();
for (let i = 0; i < 60; i++) sink += v.normalize(parsed).length;
console.log(which, ((performance.now() - t) / 60).toFixed(1), "ms/run", sink);
