// Help text derived from the descriptors: the environment block and example command lines that use
// each vendor's spec-example ids, so `--help` stays right when a vendor is added.
import { connectionSettings } from "@sessiontrail/core";
import { descriptorOf, envName, mockDefaults, ownSettings, type VendorName, vendorNames } from "./vendors.ts";

/** ` --project-key 3sWX...`: the flags of a vendor's required settings, with its spec-example values. */
export function requiredFlags(vendor: VendorName): string {
  return ownSettings(vendor)
    .filter((s) => s.required === true && mockDefaults[vendor][s.key] !== undefined)
    .map((s) => ` ${s.flag} ${mockDefaults[vendor][s.key]}`)
    .join("");
}

/** `<id> --project-key ...`: what follows the vendor in an example command. */
export const exampleArgs = (vendor: VendorName) => `${mockDefaults[vendor].id}${requiredFlags(vendor)}`;

/** `--openreplay <id> --project-key ...`: one vendor of an example timeline. */
export const timelineArgs = (vendor: VendorName) => `--${vendor} ${exampleArgs(vendor)}`;

/** Vendors whose id is a user's, not a session's (ActionHub), by label. */
export const perUserLabels = () =>
  vendorNames
    .map(descriptorOf)
    .filter((d) => d.query.idField === "userId")
    .map((d) => d.label);

/** `session id (ActionHub: user id)`. */
export function idArgument(): string {
  const users = perUserLabels();
  return users.length === 0 ? "session id" : `session id (${users.join(", ")}: user id)`;
}

/** The block every command's help ends with: the variables read, and the vendors. */
export function environmentHelp(): string {
  const example = vendorNames[0] as VendorName;
  const rows: [string, string][] = [
    ...connectionSettings.map((s): [string, string] => [
      `SESSIONTRAIL_<VENDOR>_${s.env}`,
      `${s.description} of a vendor, e.g. ${envName(example, s.env)}`,
    ]),
    ...vendorNames.flatMap((v) =>
      ownSettings(v).map((s): [string, string] => [
        envName(v, s.env),
        `${descriptorOf(v).label} ${s.description} (${s.flag})`,
      ]),
    ),
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return `Environment:
${rows.map(([name, what]) => `  ${name.padEnd(width)}${what}`).join("\n")}
Vendors: ${vendorNames.join(", ")}`;
}

/** Example lines `$ sessiontrail ...`, each vendor once, with the given endings in turn. */
export function examples(lines: readonly string[]): string {
  return lines.map((l) => `  $ ${l}`).join("\n");
}

/** The i-th of `endings`, round and round. */
export const ending = (endings: readonly string[], i: number) => endings[i % endings.length] ?? "";
