// The smoke as a CommonJS user runs it: every package entry comes from require() (Node's
// require(esm)), not import. `node main.cjs <vendor server URL>`.
const modules = require("./entries.cjs");
const { resultLine, runSmoke } = require("./smoke.mjs");

runSmoke(modules, process.argv[2]).then(
  (result) => console.log(resultLine(result)),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
