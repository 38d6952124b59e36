// Why this file exists: `npm run build:schemas` writes schemas/scenario.schema.json,
// schemas/sweep.schema.json and schemas/comparison.schema.json from the registries;
// test/schemas/schemas.test.ts fails when the committed files are not what this writes today.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparisonSchema } from './comparison-schema';
import { schemaText } from './json-schema';
import { scenarioSchema } from './scenario-schema';
import { sweepSchema } from './sweep-schema';

/** The repository root (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each schema file: its path relative to the repository root and its text. */
export function schemaFiles(): Array<[path: string, text: string]> {
  return [
    ['schemas/scenario.schema.json', schemaText(scenarioSchema())],
    ['schemas/sweep.schema.json', schemaText(sweepSchema())],
    ['schemas/comparison.schema.json', schemaText(comparisonSchema())],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [rel, text] of schemaFiles()) {
    const path = join(ROOT, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${rel} (${text.length} bytes)`);
  }
}
