// A `--wall FILE`: monitors described explicitly. A bad file stops the start with an error naming the field.
import { readFile } from 'node:fs/promises';
import { WallFile } from '../../../src/contract/wall.js';
import { defaultSurfaces } from '../../../src/domain/default-wall.js';
import { wallPlanIssues } from '../../../src/domain/wall/wall-plan.js';

export class WallFileError extends Error {}

export async function loadWallFile(file: string): Promise<WallFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new WallFileError(`cannot read wall file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new WallFileError(`wall file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = WallFile.safeParse(json);
  // The schema first; then what it cannot say (surfaces naming monitors, spanning rectangles), in the same words.
  const issues = parsed.success
    ? wallPlanIssues(parsed.data.monitors, defaultSurfaces(parsed.data.monitors), parsed.data)
    : parsed.error.issues;
  if (!parsed.success || issues.length > 0) {
    const lines = issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new WallFileError(`wall file ${file} is invalid:\n${lines}`);
  }
  return parsed.data;
}
