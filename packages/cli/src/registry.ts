// The vendor packages this CLI ships with, one line each: every vendor list of the CLI, its flags,
// help, mock lines and timeline colours, and the contract tests, derive from this array.
import { actionHubVendor } from "@sessiontrail/actionhub";
import { amplitudeVendor } from "@sessiontrail/amplitude";
import { datadogVendor } from "@sessiontrail/datadog";
import { fullStoryVendor } from "@sessiontrail/fullstory";
import { hardalVendor } from "@sessiontrail/hardal";
import { openReplayVendor } from "@sessiontrail/openreplay";
import { postHogVendor } from "@sessiontrail/posthog";
import { roundtableVendor } from "@sessiontrail/roundtable";

/** In the documented order (redocly.yaml's); a test holds it to redocly.yaml's apis. */
export const vendorDescriptors = [
  roundtableVendor,
  openReplayVendor,
  fullStoryVendor,
  actionHubVendor,
  hardalVendor,
  postHogVendor,
  amplitudeVendor,
  datadogVendor,
] as const;
