// PostHog's autocapture `elements_chain`: the clicked element first, then its ancestors, joined by
// `;`. Each element is `tag.classA.classB:` followed by `key="value"` pairs with no separator (keys
// `text`, `href`, `attr_id`, `nth-child`, `nth-of-type`, `attr__<attribute>`), `"` escaped as `\"`
// (posthog/models/element/element.py). Quoted text may hold `;` and `:`, so this is a scanner over
// quotes, not a split.

/** One element of a chain. */
export interface PostHogElement {
  /** The tag name, e.g. `button`; empty when the chain names none. */
  tag: string;
  /** The CSS classes, in the chain's order. */
  classes: string[];
  /** `text`, `href`, `attr_id`, `nth-child`, `nth-of-type` and `attr__*` values, unescaped. */
  attributes: Record<string, string>;
}

const BACKSLASH = "\\";
const QUOTE = '"';

/** The element texts of a chain: split at each `;` outside quotes. */
function splitElements(chain: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i];
    if (c === BACKSLASH && quoted) i++;
    else if (c === QUOTE) quoted = !quoted;
    else if (c === ";" && !quoted) {
      parts.push(chain.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(chain.slice(start));
  return parts.filter((part) => part !== "");
}

// Where the attributes start: the first `:` followed by a key and `=` (a class such as Tailwind's
// `hover:underline` has a `:` too, but no `=` after its key).
const ATTRIBUTES_START = /:([A-Za-z0-9_-]*)=/;

/** `key="value"` pairs, values unescaped; stops at the first text that is not one. */
function parseAttributes(text: string): Record<string, string> {
  // Own keys only, and no prototype: a chain's keys (`__proto__`) are data, never an object's shape.
  const attributes: Record<string, string> = Object.create(null);
  let at = 0;
  while (at < text.length) {
    const equals = text.indexOf("=", at);
    if (equals < 0 || text[equals + 1] !== QUOTE) break;
    const key = text.slice(at, equals);
    let value = "";
    let i = equals + 2;
    for (; i < text.length && text[i] !== QUOTE; i++) {
      if (text[i] === BACKSLASH && i + 1 < text.length) i++;
      value += text[i];
    }
    attributes[key] = value;
    at = i + 1;
  }
  return { ...attributes };
}

/** The elements of an `elements_chain`, clicked element first; `[]` for an empty or absent chain. */
export function parseElementsChain(chain: unknown): PostHogElement[] {
  if (typeof chain !== "string" || chain === "") return [];
  return splitElements(chain).map((part) => {
    const match = ATTRIBUTES_START.exec(part);
    const head = match ? part.slice(0, match.index) : part;
    const [tag = "", ...classes] = head.split(".");
    const attributes = match ? parseAttributes(part.slice(match.index + 1)) : {};
    return { tag, classes: classes.filter((c) => c !== ""), attributes };
  });
}

/** A CSS selector of one element: `tag#id.classA.classB`. */
function elementSelector(element: PostHogElement): string {
  const id = element.attributes.attr_id;
  return `${element.tag}${id ? `#${id}` : ""}${element.classes.map((c) => `.${c}`).join("")}`;
}

/** A CSS selector of the clicked element through its ancestors, outermost first: `form.f > button#buy`. */
export function chainSelector(elements: readonly PostHogElement[]): string | undefined {
  if (elements.length === 0) return undefined;
  return elements
    .map(elementSelector)
    .filter((s) => s !== "")
    .reverse()
    .join(" > ");
}
