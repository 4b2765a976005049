import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const spec = parse(
  fs.readFileSync(path.resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat(
  'date-time',
  text => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)),
);
ajv.addSchema({ ...spec, $id: 'openapi' });

/**
 * Asserts that a response body matches the 200 response schema the OpenAPI
 * spec gives for an operation, so the spec cannot drift from the code.
 */
export function expectMatchesSpec(operationId: string, body: unknown): void {
  for (const [route, methods] of Object.entries<any>(spec.paths)) {
    for (const operation of Object.values<any>(methods)) {
      if (operation.operationId !== operationId) continue;
      const schema =
        operation.responses['200'].content['application/json'].schema;
      const validate = ajv.compile({
        $id: `${operationId}-200`,
        ...JSON.parse(
          JSON.stringify(schema).replace(
            /"#\/components/g,
            '"openapi#/components',
          ),
        ),
      });
      if (!validate(body)) {
        throw new Error(
          `${route} response does not match the spec: ${ajv.errorsText(
            validate.errors,
          )}`,
        );
      }
      return;
    }
  }
  throw new Error(`no operation ${operationId} in the spec`);
}
