import { z } from 'zod';

/** Fields the action adds next to the generator's own input. */
export const ACTION_FIELDS = ['repoPath', 'changesPath'] as const;

function unwrapObject(schema: z.ZodTypeAny): z.AnyZodObject | undefined {
  if (schema instanceof z.ZodObject) {
    return schema;
  }
  const def = schema._def as {
    typeName?: string;
    schema?: z.ZodTypeAny;
    innerType?: z.ZodTypeAny;
  };
  // Refinements and transforms wrap the object; the form needs its fields.
  if (def.typeName === z.ZodFirstPartyTypeKind.ZodEffects && def.schema) {
    return unwrapObject(def.schema);
  }
  if (def.typeName === z.ZodFirstPartyTypeKind.ZodObject) {
    return schema as z.AnyZodObject;
  }
  return undefined;
}

/**
 * The action's input schema: the generator's own fields (same names,
 * descriptions and constraints, so the JSON Schema the scaffolder shows is
 * precise) plus `repoPath` and `changesPath`. The handler still parses the
 * generator part with the generator's full schema, refinements included.
 */
export function actionInputSchema(
  generatorId: string,
  inputSchema: z.ZodTypeAny,
): z.AnyZodObject {
  const object = unwrapObject(inputSchema);
  if (!object) {
    throw new Error(
      `generator '${generatorId}' has an input schema that is not an object`,
    );
  }
  const clash = ACTION_FIELDS.find(field => field in object.shape);
  if (clash) {
    throw new Error(
      `generator '${generatorId}' has an input field '${clash}' that the action reserves`,
    );
  }
  return object.extend({
    repoPath: z
      .string()
      .describe(
        'Workspace folder holding the GitOps repository checkout (made by storage:git:clone). Default: gitops.',
      )
      .optional(),
    changesPath: z
      .string()
      .describe(
        'Also write the changed files, and only those, under this workspace folder (for publish:github:pull-request, which uploads a folder). Filled in dry runs too, as a preview; the checkout itself is never written in a dry run.',
      )
      .optional(),
  });
}
