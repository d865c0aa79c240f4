import { vendor } from "../../tsdown.config.ts";

export default vendor;
