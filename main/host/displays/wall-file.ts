// A `--wall FILE`: monitors described explicitly. A bad file stops the start with an error naming the field.
import { readFile } from 'node:fs/promises';
import { WallFile } from '../../../src/contract/wall.js';

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
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new WallFileError(`wall file ${file} is invalid:\n${issues}`);
  }
  return parsed.data;
}
