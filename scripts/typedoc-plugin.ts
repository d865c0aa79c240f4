// TypeDoc plugin of `pnpm docs:api` (typedoc.jsonc): the "every export documented" check covers what
// people write, not the members of generated types. openapi-typescript copies each spec description
// into `src/generated/schema.d.ts` and a JSON module's fields are its own documentation, so an
// undocumented member there (`paths["/v2/…"].get.parameters.cookie`) has nothing to add by hand; the
// exported names themselves (`paths`, `sessionEventSchema`) still need a doc comment where exported.
import {
  Application,
  Comment,
  CommentTag,
  type Context,
  Converter,
  type ProjectReflection,
  type Reflection,
  ReflectionKind,
} from "typedoc";

/** Files whose members are documented by their source: generated types and JSON modules. */
const documentedBySource = /(^|\/)src\/generated\/|\.json$/;

export function load(app: Application): void {
  // Members marked for one package's validation, with what they had, restored once it has run (so
  // the mark is never rendered).
  const marked = new Map<Reflection, Comment | undefined>();

  app.converter.on(Converter.EVENT_RESOLVE_END, (context: Context) => {
    const { project } = context;
    for (const reflection of Object.values(project.reflections)) {
      if (reflection.hasComment() || isExported(reflection)) continue;
      const file = project.getSymbolIdFromReflection(reflection)?.packagePath;
      if (!file || !documentedBySource.test(file)) continue;
      marked.set(reflection, reflection.comment);
      reflection.comment = new Comment([], [new CommentTag("@generated", [])]);
    }
  });

  app.on(Application.EVENT_VALIDATE_PROJECT, (_project: ProjectReflection) => {
    for (const [reflection, comment] of marked) {
      if (comment) reflection.comment = comment;
      else delete reflection.comment;
    }
    marked.clear();
  });
}

/** A name of the package's module itself, rather than a member of one of its types. */
function isExported(reflection: Reflection): boolean {
  return reflection.parent?.kindOf(ReflectionKind.Project | ReflectionKind.Module) ?? false;
}
