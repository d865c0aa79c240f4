// `pnpm new-vendor <name>`: the package of a new vendor, from templates/vendor, for a spec already at
// specs/<name>/openapi.yaml; then the one registry line, its redocly.yaml entry, its generated types,
// a changeset and the lockfile. What only the vendor's docs can tell is left as TODO(new-vendor).
// Run by @turbo/gen's `gen` (the generator `turbo gen` downloads and runs), pinned in package.json.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { PlopTypes } from "@turbo/gen";
import { parse, parseDocument } from "yaml";

/** What the templates and actions are given: `example`/`Example`/`exampleVendor` for a vendor `example`. */
interface Vendor {
  /** The spec and package folder, `SessionEvent.vendor`: lower case. */
  name: string;
  /** The vendor's own spelling, used in identifiers: `OpenReplay` gives `createOpenReplayClient`. */
  label: string;
  /** `openReplay`, the start of `openReplayVendor` and `openReplayServers`. */
  camel: string;
  /** The spec's operations, `GET /v1/sessions/{sessionId}/events (getSessionEvents)`, for the TODOs. */
  operations: string[];
  /** The 200 body type's operation id: the spec's first operation. */
  operationId: string;
  /** The exported servers object, as TypeScript source. */
  servers: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped JSON.
type Spec = any;

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const METHODS = ["get", "post", "put", "patch", "delete"];
export const TODO_MARK = "TODO(new-vendor)";

const specPath = (root: string, name: string) => join(root, "specs", name, "openapi.yaml");

/** Refuses a name whose spec is missing or whose package or redocly.yaml entry already exists. */
function nameProblem(root: string, input: string): string | undefined {
  if (!NAME.test(input)) return `"${input}": a vendor name is letters and digits, starting with a letter`;
  const name = input.toLowerCase();
  if (!existsSync(specPath(root, name))) {
    return `no spec at specs/${name}/openapi.yaml: write the vendor's spec first (CONTRIBUTING.md, "Add a vendor")`;
  }
  if (existsSync(join(root, "packages", name))) return `packages/${name} already exists`;
  const apis = (parse(readFileSync(join(root, "redocly.yaml"), "utf8")) as { apis?: object }).apis ?? {};
  if (name in apis) return `redocly.yaml already lists ${name}`;
  return undefined;
}

/** Everything the templates need, read from the name and the spec. */
function vendorOf(root: string, input: string): Vendor {
  const name = input.toLowerCase();
  const spec: Spec = parse(readFileSync(specPath(root, name), "utf8"));
  // `pnpm new-vendor openreplay` takes the spelling from the spec's title ("OpenReplay Session Events API").
  const titleWord = String(spec.info?.title ?? "").split(/\s+/)[0] ?? "";
  const label =
    input !== name
      ? input
      : titleWord.toLowerCase() === name
        ? titleWord
        : name[0]?.toUpperCase() + name.slice(1);
  const operations: string[] = [];
  let operationId = "";
  for (const [path, item] of Object.entries<Spec>(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      operations.push(`${method.toUpperCase()} ${path} (${operation.operationId ?? "no operationId"})`);
      operationId ||= operation.operationId ?? "";
    }
  }
  if (!operationId) throw new Error(`specs/${name}/openapi.yaml: no operation with an operationId`);
  return {
    name,
    label,
    camel: label[0]?.toLowerCase() + label.slice(1),
    operations,
    operationId,
    servers: serversSource(spec.servers ?? []),
  };
}

/** The servers object: the first is `production`; others, and templated URLs, need a name or a function. */
function serversSource(servers: { url: string }[]): string {
  if (servers.length === 0) {
    return `{\n  // ${TODO_MARK}: the spec has no servers; add them there, then here, production first.\n}`;
  }
  const entries = servers
    .map(({ url }, i) => {
      const key = i === 0 ? "production" : `server${i + 1}`;
      const todo = url.includes("{")
        ? `  // ${TODO_MARK}: a server with variables is a function of them, as openReplayServers.selfHosted.\n`
        : i === 0
          ? ""
          : `  // ${TODO_MARK}: name this server as the vendor does (eu1, selfHosted).\n`;
      return `${todo}  ${key}: ${JSON.stringify(url)},\n`;
    })
    .join("");
  return `{\n${entries}}`;
}

/** Adds the vendor's apis entry to redocly.yaml, keeping its comments and layout. */
function registerSpec(root: string, vendor: Vendor): string {
  const file = join(root, "redocly.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(["apis", vendor.name], {
    root: `specs/${vendor.name}/openapi.yaml`,
    "x-openapi-ts": { output: `packages/${vendor.name}/src/generated/schema.d.ts` },
  });
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return "redocly.yaml: apis entry";
}

/** The CLI's one registry line (and its import), and the CLI's dependency on the package. */
function registerDescriptor(root: string, vendor: Vendor): string {
  const registry = join(root, "packages", "cli", "src", "registry.ts");
  const lines = readFileSync(registry, "utf8").split("\n");
  const importLine = `import { ${vendor.camel}Vendor } from "@sessiontrail/${vendor.name}";`;
  const imports = lines.flatMap((line, i) => (line.startsWith("import ") ? [i] : []));
  // Imports stay sorted by package name, as Biome sorts them.
  const before = imports.find((i) => (lines[i]?.split('"')[1] ?? "") > `@sessiontrail/${vendor.name}`);
  lines.splice(before ?? (imports.at(-1) ?? 0) + 1, 0, importLine);
  const end = lines.findIndex((line) => line.startsWith("] as const;"));
  if (end === -1) throw new Error(`${relative(root, registry)}: no "] as const;" closing vendorDescriptors`);
  lines.splice(end, 0, `  ${vendor.camel}Vendor,`);
  writeFileSync(registry, lines.join("\n"));

  const manifestFile = join(root, "packages", "cli", "package.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  manifest.dependencies = Object.fromEntries(
    Object.entries({ ...manifest.dependencies, [`@sessiontrail/${vendor.name}`]: "workspace:^" }).sort(
      ([a], [b]) => (a < b ? -1 : 1),
    ),
  );
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return "packages/cli: registry line and dependency";
}

function changeset(root: string, vendor: Vendor): string {
  const file = join(root, ".changeset", `new-vendor-${vendor.name}.md`);
  writeFileSync(
    file,
    [
      "---",
      `"@sessiontrail/${vendor.name}": minor`,
      '"@sessiontrail/cli": minor',
      "---",
      "",
      `New package @sessiontrail/${vendor.name}: a typed client for ${vendor.label}'s session events API, generated from its spec, with a normalizer to \`SessionEvent\`. The CLI reads ${vendor.label} sessions too.`,
      "",
    ].join("\n"),
  );
  return relative(root, file);
}

/** Every TODO(new-vendor) left in the package, as `file:line  text`. */
export function placesToFill(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      // Installed, built and generated files, and tool caches (.turbo logs quote test output), are not the package's.
      if (entry.startsWith(".") || ["node_modules", "dist", "generated"].includes(entry)) continue;
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else
        readFileSync(path, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (line.includes(TODO_MARK)) found.push(`${relative(dir, path)}:${i + 1}  ${line.trim()}`);
          });
    }
  };
  walk(dir);
  return found;
}

const run = (root: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

export default function generator(plop: PlopTypes.NodePlopAPI): void {
  plop.setGenerator("vendor", {
    description: "A vendor package for specs/<name>/openapi.yaml: `pnpm new-vendor <name>`",
    prompts: [
      {
        type: "input",
        name: "name",
        message: "Vendor name (the folder of its spec under specs/, or its own spelling: OpenReplay)",
        validate: (input: string, answers: PlopTypes.Answers) =>
          nameProblem(answers?.turbo?.paths?.root ?? process.cwd(), input) ?? true,
      },
    ],
    actions: (answers) => {
      const root: string = answers?.turbo.paths.root;
      const vendor = vendorOf(root, answers?.name);
      const dir = join(root, "packages", vendor.name);
      return [
        {
          type: "addMany",
          destination: dir,
          base: "templates/vendor",
          templateFiles: "templates/vendor/**",
          stripExtensions: ["hbs"],
          globOptions: { dot: true },
          data: vendor,
          abortOnFail: true,
        },
        () => {
          copyFileSync(join(root, "LICENSE"), join(dir, "LICENSE"));
          return `packages/${vendor.name}/LICENSE`;
        },
        () => registerSpec(root, vendor),
        () => registerDescriptor(root, vendor),
        () => {
          run(root, process.execPath, ["scripts/generate.ts", vendor.name]);
          return `packages/${vendor.name}/src/generated/schema.d.ts`;
        },
        () => changeset(root, vendor),
        () => {
          // Links the new package into the workspace and records it in pnpm-lock.yaml; its
          // dependencies are the other vendors', already in the store.
          run(root, "pnpm", ["install", "--prefer-offline"]);
          return "pnpm-lock.yaml";
        },
        () => {
          // Import order and line breaks depend on the vendor's name: Biome writes them as it checks them.
          const files = [dir, "packages/cli/src/registry.ts", "packages/cli/package.json"];
          run(root, "pnpm", ["exec", "biome", "check", "--write", ...files]);
          return "biome check --write";
        },
        () =>
          [
            `packages/${vendor.name} is ready to fill: each place below says what to write, from`,
            `../shared/vendors/${vendor.name}.md and specs/${vendor.name}/openapi.yaml (CONTRIBUTING.md, "Add a vendor"),`,
            `then \`pnpm exec vitest run packages/${vendor.name}\` until it passes:`,
            ...placesToFill(dir).map((place) => `    ${place}`),
          ].join("\n"),
      ];
    },
  });
}
