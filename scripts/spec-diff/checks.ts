// Every check `pnpm spec:diff` and `pnpm spec:check` can report: its id, its level and what it means.
// Ids and levels are oasdiff's (oasdiff/oasdiff `checker/rules.go`, meanings from its
// `checker/localizations_src/en/messages.yaml`), so a line reads like the tool API maintainers know.
// A few levels are raised where our generated client makes a change breaking that oasdiff leaves
// as a warning or a note, the way oasdiff's own `--severity-levels` file would (`oasdiffLevel` says
// what oasdiff says, `why` says why ours differs). Checks oasdiff lacks carry `origin: "ours"`.

export type Level = "ERR" | "WARN" | "INFO";

export interface Check {
  id: string;
  level: Level;
  /** What the change is, as a phrase for the table in CONTRIBUTING.md. */
  meaning: string;
  origin: "oasdiff" | "ours";
  /** oasdiff's default level, when ours differs from it. */
  oasdiffLevel?: Level;
  /** Why the level differs from oasdiff's, or why the check is ours. */
  why?: string;
  /** A second level the same check takes in a named case. */
  otherwise?: { level: Level; when: string };
}

type Extra = Partial<Pick<Check, "oasdiffLevel" | "why" | "otherwise">>;

const oasdiff = (id: string, level: Level, meaning: string, extra: Extra = {}): Check => ({
  id,
  level,
  meaning,
  origin: "oasdiff",
  ...extra,
});

const ours = (id: string, level: Level, meaning: string, why: string): Check => ({
  id,
  level,
  meaning,
  origin: "ours",
  why,
});

const TYPED_CLIENT =
  "our generated types are our packages' API: code that names what was removed stops compiling";

/** The checks for numeric, length and item-count bounds, which repeat for each place a schema sits. */
function boundChecks(prefix: "request-body" | "request-property" | "request-parameter"): Check[] {
  const where = prefix === "request-body" ? "the request body" : `a ${prefix.replace("-", " ")}`;
  const checks = [
    oasdiff(`${prefix}-max-set`, "WARN", `a maximum set on ${where} that had none`),
    oasdiff(`${prefix}-max-increased`, "INFO", `the maximum of ${where} raised or removed`),
    oasdiff(`${prefix}-max-decreased`, "ERR", `the maximum of ${where} lowered`),
    oasdiff(`${prefix}-exclusive-max-set`, "WARN", `an exclusive maximum set on ${where} that had none`),
    oasdiff(
      `${prefix}-exclusive-max-increased`,
      "INFO",
      `the exclusive maximum of ${where} raised or removed`,
    ),
    oasdiff(`${prefix}-exclusive-max-decreased`, "ERR", `the exclusive maximum of ${where} lowered`),
    oasdiff(`${prefix}-min-set`, "WARN", `a minimum set on ${where} that had none`),
    oasdiff(`${prefix}-min-increased`, "ERR", `the minimum of ${where} raised`),
    oasdiff(`${prefix}-min-decreased`, "INFO", `the minimum of ${where} lowered or removed`),
    oasdiff(`${prefix}-exclusive-min-set`, "WARN", `an exclusive minimum set on ${where} that had none`),
    oasdiff(`${prefix}-exclusive-min-increased`, "ERR", `the exclusive minimum of ${where} raised`),
    oasdiff(
      `${prefix}-exclusive-min-decreased`,
      "INFO",
      `the exclusive minimum of ${where} lowered or removed`,
    ),
    oasdiff(`${prefix}-max-length-set`, "WARN", `a maxLength set on ${where} that had none`),
    oasdiff(`${prefix}-max-length-increased`, "INFO", `the maxLength of ${where} raised or removed`),
    oasdiff(`${prefix}-max-length-decreased`, "ERR", `the maxLength of ${where} lowered`),
    oasdiff(`${prefix}-min-length-increased`, "ERR", `the minLength of ${where} raised (or set)`),
    oasdiff(`${prefix}-min-length-decreased`, "INFO", `the minLength of ${where} lowered or removed`),
    oasdiff(`${prefix}-min-items-set`, "WARN", `a minItems set on ${where} that had none`),
    oasdiff(`${prefix}-min-items-increased`, "ERR", `the minItems of ${where} raised`),
  ];
  if (prefix === "request-parameter") {
    checks.push(
      oasdiff(`${prefix}-min-items-decreased`, "INFO", `the minItems of ${where} lowered or removed`),
      oasdiff(`${prefix}-max-items-increased`, "INFO", `the maxItems of ${where} raised or removed`),
      oasdiff(`${prefix}-max-items-decreased`, "ERR", `the maxItems of ${where} lowered (or set)`),
    );
  }
  return checks;
}

/** Checks that apply alike to a request body's schema and to a property inside it. */
function requestSchemaChecks(prefix: "request-body" | "request-property"): Check[] {
  const where = prefix === "request-body" ? "the request body" : "a request property";
  return [
    oasdiff(
      `${prefix}-type-changed`,
      "ERR",
      `the type or format of ${where} changed so that some values sent before are refused`,
    ),
    oasdiff(
      `${prefix}-type-generalized`,
      "INFO",
      `the type or format of ${where} widened (integer to number, a format dropped)`,
    ),
    oasdiff(
      `${prefix}-list-of-types-widened`,
      "INFO",
      `a type added to the oneOf/anyOf list of types of ${where}`,
    ),
    oasdiff(
      `${prefix}-list-of-types-narrowed`,
      "ERR",
      `a type removed from the oneOf/anyOf list of types of ${where}`,
    ),
    oasdiff(`${prefix}-became-nullable`, "INFO", `${where} now accepts null`),
    oasdiff(`${prefix}-became-not-nullable`, "ERR", `${where} no longer accepts null`),
    oasdiff(`${prefix}-became-enum`, "ERR", `${where} restricted to a list of enum values`),
    oasdiff(`${prefix}-const-added`, "ERR", `${where} restricted to one const value`),
    oasdiff(`${prefix}-const-removed`, "INFO", `the const value of ${where} removed`),
    oasdiff(`${prefix}-const-changed`, "ERR", `the const value of ${where} changed`),
    oasdiff(`${prefix}-default-value-added`, "INFO", `a default value added to ${where}`),
    oasdiff(`${prefix}-default-value-removed`, "INFO", `the default value of ${where} removed`),
    oasdiff(`${prefix}-default-value-changed`, "INFO", `the default value of ${where} changed`),
    oasdiff(`${prefix}-one-of-added`, "INFO", `a variant added to the oneOf of ${where}`),
    oasdiff(`${prefix}-one-of-removed`, "ERR", `a variant removed from the oneOf of ${where}`),
    oasdiff(`${prefix}-any-of-added`, "INFO", `a variant added to the anyOf of ${where}`),
    oasdiff(`${prefix}-any-of-removed`, "ERR", `a variant removed from the anyOf of ${where}`),
    ours(
      `${prefix}-additional-properties-restricted`,
      "ERR",
      `${where} no longer accepts any extra property (additionalProperties became false or a schema)`,
      "oasdiff has no check for additionalProperties; extra properties a client sends are now refused",
    ),
    ours(
      `${prefix}-additional-properties-relaxed`,
      "INFO",
      `${where} accepts extra properties it refused (additionalProperties became true or a schema)`,
      "oasdiff has no check for additionalProperties",
    ),
    ...boundChecks(prefix),
  ];
}

/** Checks that apply alike to a response body's schema and to a property inside it. */
function responseSchemaChecks(prefix: "response-body" | "response-property"): Check[] {
  const where = prefix === "response-body" ? "the response body" : "a response property";
  return [
    oasdiff(`${prefix}-type-changed`, "ERR", `the type or format of ${where} changed`),
    oasdiff(
      `${prefix}-type-generalized`,
      "ERR",
      `the type or format of ${where} widened: it may hold values the client does not expect`,
    ),
    oasdiff(
      `${prefix}-type-specialized`,
      "INFO",
      `the type or format of ${where} narrowed (number to integer, a format added)`,
    ),
    oasdiff(
      `${prefix}-list-of-types-widened`,
      "ERR",
      `a type added to the oneOf/anyOf list of types of ${where}`,
    ),
    oasdiff(
      `${prefix}-list-of-types-narrowed`,
      "INFO",
      `a type removed from the oneOf/anyOf list of types of ${where}`,
    ),
    oasdiff(`${prefix}-became-nullable`, "ERR", `${where} may now be null`),
    oasdiff(`${prefix}-became-not-nullable`, "INFO", `${where} is no longer null`),
    oasdiff(`${prefix}-const-added`, "INFO", `${where} restricted to one const value`),
    oasdiff(`${prefix}-const-removed`, "ERR", `the const value of ${where} removed`),
    oasdiff(`${prefix}-const-changed`, "ERR", `the const value of ${where} changed`),
    oasdiff(`${prefix}-default-value-added`, "INFO", `a default value added to ${where}`),
    oasdiff(`${prefix}-default-value-removed`, "INFO", `the default value of ${where} removed`),
    oasdiff(`${prefix}-default-value-changed`, "INFO", `the default value of ${where} changed`),
    oasdiff(`${prefix}-one-of-added`, "ERR", `a variant added to the oneOf of ${where}`),
    oasdiff(`${prefix}-one-of-removed`, "INFO", `a variant removed from the oneOf of ${where}`),
    oasdiff(`${prefix}-any-of-added`, "ERR", `a variant added to the anyOf of ${where}`, {
      oasdiffLevel: "INFO",
      why: "the response may now be the new variant, which code written for the old ones does not handle (oasdiff's oneOf check says ERR)",
    }),
    oasdiff(`${prefix}-any-of-removed`, "INFO", `a variant removed from the anyOf of ${where}`),
    oasdiff(`${prefix}-max-increased`, "ERR", `the maximum of ${where} raised or removed`),
    oasdiff(
      `${prefix}-exclusive-max-increased`,
      "ERR",
      `the exclusive maximum of ${where} raised or removed`,
    ),
    oasdiff(`${prefix}-min-decreased`, "ERR", `the minimum of ${where} lowered or removed`),
    oasdiff(
      `${prefix}-exclusive-min-decreased`,
      "ERR",
      `the exclusive minimum of ${where} lowered or removed`,
    ),
    oasdiff(`${prefix}-max-length-increased`, "ERR", `the maxLength of ${where} raised`),
    oasdiff(`${prefix}-max-length-unset`, "ERR", `the maxLength of ${where} removed`),
    oasdiff(`${prefix}-min-length-decreased`, "ERR", `the minLength of ${where} lowered or removed`),
    oasdiff(`${prefix}-min-items-decreased`, "ERR", `the minItems of ${where} lowered`),
    oasdiff(`${prefix}-min-items-unset`, "ERR", `the minItems of ${where} removed`),
    ours(
      `${prefix}-additional-properties-relaxed`,
      "WARN",
      `${where} may carry extra properties it could not before (additionalProperties became true or a schema)`,
      "oasdiff has no check for additionalProperties; a client that validates responses strictly refuses the extra keys, one that reads known keys does not notice",
    ),
    ours(
      `${prefix}-additional-properties-restricted`,
      "INFO",
      `${where} carries fewer extra properties (additionalProperties became false or a schema)`,
      "oasdiff has no check for additionalProperties",
    ),
  ];
}

export const CHECKS: readonly Check[] = [
  // Paths and operations.
  oasdiff(
    "api-path-removed-without-deprecation",
    "ERR",
    "a path removed with its operations, which were not deprecated",
  ),
  oasdiff(
    "api-path-removed-with-deprecation",
    "INFO",
    "a path removed with its operations, which were deprecated",
  ),
  oasdiff(
    "api-removed-without-deprecation",
    "ERR",
    "an operation removed (its path stays) without being deprecated first",
  ),
  oasdiff("api-removed-with-deprecation", "INFO", "an operation removed after being deprecated"),
  oasdiff("endpoint-added", "INFO", "a new operation"),
  oasdiff("endpoint-deprecated", "INFO", "an operation marked deprecated"),
  oasdiff("endpoint-reactivated", "INFO", "an operation no longer deprecated"),
  oasdiff("api-operation-id-removed", "INFO", "an operationId removed or replaced"),
  oasdiff("api-operation-id-added", "INFO", "an operationId added"),
  oasdiff("api-tag-removed", "INFO", "a tag removed from an operation"),
  oasdiff("api-tag-added", "INFO", "a tag added to an operation"),
  oasdiff("api-schema-removed", "INFO", "a schema removed from components"),

  // Security requirements and schemes.
  oasdiff(
    "api-security-removed",
    "ERR",
    "one of an operation's security requirements removed: a client using it is refused",
    {
      oasdiffLevel: "INFO",
      why: "our clients send the credentials the old spec named; if those no longer satisfy the operation, every call fails",
      otherwise: { level: "INFO", when: "the operation then needs no credentials at all" },
    },
  ),
  oasdiff(
    "api-security-added",
    "INFO",
    "a security requirement added to an operation (another way to authenticate)",
    {
      otherwise: {
        level: "ERR",
        when: "the operation needed no credentials before, so our clients sent none; raised from oasdiff's INFO",
      },
    },
  ),
  oasdiff("api-security-scope-added", "INFO", "a scope added to one of an operation's security requirements"),
  oasdiff(
    "api-security-scope-removed",
    "INFO",
    "a scope removed from one of an operation's security requirements",
  ),
  oasdiff("api-global-security-removed", "ERR", "one of the document's security requirements removed", {
    oasdiffLevel: "INFO",
    why: "as api-security-removed, for every operation that inherits the document's security",
    otherwise: { level: "INFO", when: "the document then needs no credentials at all" },
  }),
  oasdiff("api-global-security-added", "INFO", "a security requirement added to the document", {
    otherwise: {
      level: "ERR",
      when: "the document needed no credentials before; raised from oasdiff's INFO",
    },
  }),
  oasdiff(
    "api-global-security-scope-added",
    "INFO",
    "a scope added to one of the document's security requirements",
  ),
  oasdiff(
    "api-global-security-scope-removed",
    "INFO",
    "a scope removed from one of the document's security requirements",
  ),
  oasdiff("api-security-component-added", "INFO", "a security scheme added to components"),
  oasdiff("api-security-component-removed", "INFO", "a security scheme removed from components"),
  oasdiff(
    "api-security-component-type-changed",
    "ERR",
    "the type of a security scheme changed (apiKey, http, oauth2, ...)",
    {
      oasdiffLevel: "INFO",
      why: "a client built for the old type sends credentials the new scheme does not read",
    },
  ),
  ours(
    "api-security-component-name-changed",
    "ERR",
    "the header, query or cookie name of an apiKey scheme changed",
    "oasdiff compares only a scheme's type and OAuth flows; our clients put the key under the old name",
  ),
  ours(
    "api-security-component-in-changed",
    "ERR",
    "where an apiKey scheme's key goes (header, query, cookie) changed",
    "oasdiff compares only a scheme's type and OAuth flows",
  ),
  ours(
    "api-security-component-scheme-changed",
    "ERR",
    "the scheme of an http security scheme changed (basic, bearer, ...)",
    "oasdiff compares only a scheme's type and OAuth flows; a Basic header is not a Bearer one",
  ),

  // Servers: oasdiff treats them as deployment metadata and has no check.
  ours(
    "api-server-removed",
    "ERR",
    "a server URL removed",
    "oasdiff has no server checks; a client configured with that base URL loses its API",
  ),
  ours("api-server-added", "INFO", "a server URL added", "oasdiff has no server checks"),
  ours(
    "api-server-variable-default-changed",
    "WARN",
    "the default value of a server URL variable changed",
    "oasdiff has no server checks; a client that relies on the default now reaches another host",
  ),
  ours(
    "api-server-variable-enum-value-removed",
    "ERR",
    "a value removed from a server URL variable's enum",
    "oasdiff has no server checks; a client configured with that value is now outside the API",
  ),

  // Parameters (path, query, header, cookie; path-level and operation-level merged).
  oasdiff("new-required-request-parameter", "ERR", "a new required query, header or cookie parameter"),
  oasdiff("new-optional-request-parameter", "INFO", "a new optional parameter"),
  oasdiff(
    "new-request-path-parameter",
    "ERR",
    "a new path parameter (a path parameter renamed reads as removed and new)",
  ),
  oasdiff("request-parameter-removed", "ERR", "a parameter removed", {
    oasdiffLevel: "WARN",
    why: TYPED_CLIENT,
  }),
  oasdiff("request-parameter-became-required", "ERR", "an optional parameter became required"),
  oasdiff("request-parameter-became-optional", "INFO", "a required parameter became optional"),
  oasdiff("request-parameter-deprecated", "INFO", "a parameter marked deprecated"),
  oasdiff("request-parameter-reactivated", "INFO", "a parameter no longer deprecated"),
  oasdiff(
    "request-parameter-type-changed",
    "ERR",
    "the type or format of a parameter changed so that some values sent before are refused",
  ),
  oasdiff(
    "request-parameter-type-generalized",
    "INFO",
    "the type or format of a parameter widened (any type to string, integer to number)",
  ),
  oasdiff(
    "request-parameter-list-of-types-widened",
    "INFO",
    "a type added to a parameter's oneOf/anyOf list of types",
  ),
  oasdiff(
    "request-parameter-list-of-types-narrowed",
    "ERR",
    "a type removed from a parameter's oneOf/anyOf list of types",
  ),
  oasdiff("request-parameter-became-nullable", "INFO", "a parameter now accepts null"),
  oasdiff("request-parameter-became-not-nullable", "ERR", "a parameter no longer accepts null"),
  oasdiff("request-parameter-became-enum", "ERR", "a parameter restricted to a list of enum values"),
  oasdiff("request-parameter-enum-value-added", "INFO", "a value added to a parameter's enum"),
  oasdiff("request-parameter-enum-value-removed", "ERR", "a value removed from a parameter's enum"),
  ours(
    "request-parameter-enum-removed",
    "INFO",
    "a parameter's enum removed: any value of its type is accepted",
    "oasdiff reports each value of a dropped enum as removed (ERR), which reads a relaxation as a break",
  ),
  oasdiff("request-parameter-pattern-added", "ERR", "a pattern added to a parameter"),
  oasdiff("request-parameter-pattern-removed", "INFO", "a parameter's pattern removed"),
  oasdiff(
    "request-parameter-pattern-changed",
    "WARN",
    "a parameter's pattern changed (it may refuse values it accepted)",
  ),
  oasdiff("request-parameter-pattern-generalized", "INFO", "a parameter's pattern changed to `.*`"),
  oasdiff(
    "request-parameter-default-value-added",
    "ERR",
    "a default value added to a parameter: a client that omits it gets other behaviour",
  ),
  oasdiff("request-parameter-default-value-removed", "ERR", "a parameter's default value removed"),
  oasdiff("request-parameter-default-value-changed", "ERR", "a parameter's default value changed"),
  ...boundChecks("request-parameter"),

  // Request bodies and their media types.
  oasdiff("request-body-added-required", "ERR", "a required request body added"),
  oasdiff("request-body-added-optional", "INFO", "an optional request body added"),
  oasdiff("request-body-removed", "ERR", "the request body removed"),
  oasdiff("request-body-became-required", "ERR", "an optional request body became required"),
  oasdiff("request-body-became-optional", "INFO", "a required request body became optional"),
  oasdiff("request-body-media-type-added", "INFO", "a media type added to the request body"),
  oasdiff("request-body-media-type-removed", "ERR", "a media type removed from the request body"),
  oasdiff(
    "request-body-media-type-schema-added",
    "ERR",
    "a schema added to a request media type that had none",
  ),
  oasdiff("request-body-media-type-schema-removed", "INFO", "the schema of a request media type removed"),
  oasdiff(
    "request-body-wrapped-in-one-of",
    "ERR",
    "the request body moved into a oneOf beside other variants",
  ),
  oasdiff("request-body-enum-value-removed", "ERR", "a value removed from the request body's enum"),
  ...requestSchemaChecks("request-body"),

  // Request properties at any depth.
  oasdiff("request-property-removed", "ERR", "a request property removed", {
    oasdiffLevel: "WARN",
    why: TYPED_CLIENT,
  }),
  oasdiff("new-required-request-property", "ERR", "a new required request property"),
  oasdiff(
    "new-required-request-property-with-default",
    "ERR",
    "a new required request property that has a default",
  ),
  oasdiff("new-optional-request-property", "INFO", "a new optional request property"),
  oasdiff("request-property-became-required", "ERR", "an optional request property became required"),
  oasdiff(
    "request-property-became-required-with-default",
    "ERR",
    "an optional request property that has a default became required",
  ),
  oasdiff("request-property-became-optional", "INFO", "a required request property became optional"),
  oasdiff("request-property-deprecated", "INFO", "a request property marked deprecated"),
  oasdiff("request-property-reactivated", "INFO", "a request property no longer deprecated"),
  oasdiff("request-property-enum-value-added", "INFO", "a value added to a request property's enum"),
  oasdiff("request-property-enum-value-removed", "ERR", "a value removed from a request property's enum"),
  ours(
    "request-property-enum-removed",
    "INFO",
    "a request property's enum removed: any value of its type is accepted",
    "oasdiff reports each value of a dropped enum as removed (ERR), which reads a relaxation as a break",
  ),
  oasdiff("request-property-pattern-added", "ERR", "a pattern added to a request property"),
  oasdiff("request-property-pattern-removed", "INFO", "a request property's pattern removed"),
  oasdiff(
    "request-property-pattern-changed",
    "WARN",
    "a request property's pattern changed (it may refuse values it accepted)",
  ),
  oasdiff("request-property-pattern-generalized", "INFO", "a request property's pattern changed to `.*`"),
  ours(
    "request-property-max-items-decreased",
    "ERR",
    "the maxItems of a request array lowered (or set)",
    "oasdiff checks maxItems only on parameters; a longer array the client sends is now refused",
  ),
  ...requestSchemaChecks("request-property"),

  // Responses, their status codes, media types and headers.
  oasdiff("response-success-status-removed", "ERR", "a 2xx response removed"),
  oasdiff("response-success-status-added", "INFO", "a 2xx response added"),
  oasdiff("response-non-success-status-removed", "INFO", "a non-2xx response removed"),
  oasdiff("response-non-success-status-added", "INFO", "a non-2xx response added"),
  oasdiff("response-media-type-removed", "ERR", "a media type removed from a response"),
  oasdiff("response-media-type-added", "INFO", "a media type added to a response"),
  oasdiff(
    "response-body-media-type-schema-added",
    "INFO",
    "a schema added to a response media type that had none",
  ),
  oasdiff("response-body-media-type-schema-removed", "WARN", "the schema of a response media type removed"),
  oasdiff(
    "response-body-wrapped-in-one-of",
    "ERR",
    "the response body moved into a oneOf beside other variants",
  ),
  oasdiff("response-mediatype-enum-value-removed", "INFO", "a value removed from the response body's enum"),
  oasdiff("response-header-added", "INFO", "a response header added"),
  oasdiff("required-response-header-removed", "ERR", "a required response header removed"),
  oasdiff("optional-response-header-removed", "WARN", "an optional response header removed"),
  oasdiff("response-header-became-optional", "ERR", "a required response header became optional"),
  oasdiff("response-header-type-changed", "ERR", "the type or format of a response header changed"),
  oasdiff("response-header-type-generalized", "ERR", "the type or format of a response header widened"),
  oasdiff("response-header-type-specialized", "INFO", "the type or format of a response header narrowed"),
  oasdiff(
    "response-header-type-compatible",
    "INFO",
    "a response header changed from string to another type (a header is text on the wire)",
  ),
  oasdiff("response-header-became-nullable", "ERR", "a response header may now be null"),
  oasdiff("response-header-became-not-nullable", "INFO", "a response header is no longer null"),
  ...responseSchemaChecks("response-body"),

  // Response properties at any depth.
  oasdiff("response-required-property-removed", "ERR", "a required response property removed"),
  oasdiff("response-optional-property-removed", "ERR", "an optional response property removed", {
    oasdiffLevel: "WARN",
    why: TYPED_CLIENT,
  }),
  oasdiff("response-required-property-added", "INFO", "a new required response property"),
  oasdiff("response-optional-property-added", "INFO", "a new optional response property"),
  oasdiff("response-property-became-optional", "ERR", "a required response property became optional"),
  oasdiff("response-property-became-required", "INFO", "an optional response property became required"),
  oasdiff("response-property-deprecated", "INFO", "a response property marked deprecated"),
  oasdiff("response-property-reactivated", "INFO", "a response property no longer deprecated"),
  oasdiff("response-property-enum-value-added", "WARN", "a value added to a response property's enum"),
  oasdiff("response-property-enum-value-removed", "INFO", "a value removed from a response property's enum"),
  ours(
    "response-property-enum-removed",
    "WARN",
    "a response property's enum removed: any value of its type may come",
    "oasdiff sees only the removed values (INFO); values the client never saw may now come, as with response-property-enum-value-added",
  ),
  oasdiff("response-property-pattern-added", "INFO", "a pattern added to a response property"),
  oasdiff("response-property-pattern-changed", "INFO", "a response property's pattern changed"),
  oasdiff("response-property-pattern-removed", "INFO", "a response property's pattern removed"),
  ours(
    "response-property-max-items-increased",
    "ERR",
    "the maxItems of a response array raised or removed",
    "oasdiff checks maxItems only on parameters; a client that sized for the old bound gets longer arrays",
  ),
  ...responseSchemaChecks("response-property"),
];

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

export function checkById(id: string): Check | undefined {
  return BY_ID.get(id);
}

/** The table of CONTRIBUTING.md: every check with its level and what it means. */
export function checksTable(): string {
  const rows = CHECKS.map((c) => {
    const level = c.otherwise ? `${c.level} (${c.otherwise.level} when ${c.otherwise.when})` : c.level;
    const origin =
      c.origin === "ours"
        ? `ours: ${c.why}`
        : c.oasdiffLevel
          ? `oasdiff says ${c.oasdiffLevel}; ours is ${c.level}: ${c.why}`
          : "oasdiff";
    return `| \`${c.id}\` | ${level} | ${c.meaning} | ${origin} |`;
  });
  return ["| id | level | meaning | source |", "|---|---|---|---|", ...rows].join("\n");
}
