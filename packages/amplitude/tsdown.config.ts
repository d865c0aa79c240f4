import { base } from "../../tsdown.config.ts";

export default base;
