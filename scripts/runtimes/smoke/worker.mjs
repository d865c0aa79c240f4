// The smoke as a Cloudflare Worker: bundled (workerd resolves no node_modules) and run by
// `workerd test`, which calls this test handler; the vendor server's URL is a text binding.
import { modules } from "./entries.mjs";
import { resultLine, runSmoke } from "./smoke.mjs";

export default {
  async test(_controller, env) {
    console.log(resultLine(await runSmoke(modules, env.VENDOR_SERVER_URL)));
  },
};
