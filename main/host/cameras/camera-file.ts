// A `--cameras FILE`: the site's cameras, as CSV (a header row: id, name, lat, lon, province, url, sensitive) or
// JSON (`{ "cameras": [ … ] }`). A bad file stops the start with an error naming the row or entry and the field.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { CameraId } from '../../../src/contract/cameras.js';
import { ProvinceCode } from '../../../src/contract/topics.js';
import { loadExcelJs } from '../../../platform/load-exceljs.js';

export class CameraFileError extends Error {}

/** yes/no in the words a site's spreadsheet uses; JSON may say true/false. */
const YesNo = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => YES.has(s) || NO.has(s), { message: 'yes or no (có/không)' })
    .transform((s) => YES.has(s)),
]);
const YES = new Set(['yes', 'y', 'true', '1', 'có', 'co', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'không', 'khong', '']);

const CameraKind = z.enum(['rtsp', 'hls', 'whep']);
type CameraKind = z.infer<typeof CameraKind>;

const StreamUrl = z
  .string()
  .trim()
  .url()
  .refine((url) => /^(rtsps?|https?):\/\//i.test(url), { message: 'an rtsp://, rtsps://, http:// or https:// URL' });

/** Blank CSV cells are absent fields. */
const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v);

export const CameraEntry = z
  .object({
    id: CameraId,
    name: z.string().trim().min(1).max(120),
    lat: z.preprocess(blank, z.coerce.number().min(-90).max(90).optional()),
    lon: z.preprocess(blank, z.coerce.number().min(-180).max(180).optional()),
    province: z.preprocess(blank, z.coerce.string().pipe(ProvinceCode).optional()),
    url: StreamUrl,
    /** How the URL is played; by default rtsp:// is relayed, a .m3u8 is HLS, anything else must say. */
    kind: z.preprocess(blank, CameraKind.optional()),
    sensitive: z.preprocess((v) => v ?? false, YesNo),
  })
  .transform((c, ctx) => {
    const kind = c.kind ?? guessKind(c.url);
    if (!kind) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'say rtsp, hls or whep: the URL does not tell' });
      return z.NEVER;
    }
    return { ...c, kind: kind satisfies CameraKind };
  })
  .superRefine((c, ctx) => {
    if ((c.lat === undefined) !== (c.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and lon go together' });
    }
    if (c.lat === undefined && c.province === undefined) {
      ctx.addIssue({ code: 'custom', path: ['province'], message: 'a location: lat and lon, or a province code' });
    }
  });
export type CameraEntry = z.infer<typeof CameraEntry>;

function guessKind(url: string): CameraKind | undefined {
  if (/^rtsps?:/i.test(url)) return 'rtsp';
  if (/\.m3u8($|\?)/i.test(new URL(url).pathname)) return 'hls';
  return undefined;
}

const CameraList = z
  .array(CameraEntry)
  .max(2000)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${c.id}" is listed twice` });
      seen.add(c.id);
    });
  });

export async function loadCameraFile(file: string): Promise<CameraEntry[]> {
  const csv = extname(file).toLowerCase() === '.csv';
  let rows: unknown;
  try {
    rows = csv ? await csvRows(file) : jsonCameras(await readFile(file, 'utf8'));
  } catch (err) {
    throw new CameraFileError(`cannot read camera file ${file}: ${(err as Error).message}`);
  }
  const parsed = CameraList.safeParse(rows);
  if (!parsed.success) {
    // CSV rows are named as a spreadsheet shows them: the header is row 1.
    const where = (path: PropertyKey[]): string => {
      const [index, ...field] = path;
      const entry = typeof index === 'number' ? (csv ? `row ${index + 2}` : `cameras[${index}]`) : '(root)';
      return field.length > 0 ? `${entry}, ${field.join('.')}` : entry;
    };
    const lines = parsed.error.issues.map((i) => `  - ${where(i.path)}: ${i.message}`).join('\n');
    throw new CameraFileError(`camera file ${file} is invalid:\n${lines}`);
  }
  return parsed.data;
}

function jsonCameras(text: string): unknown {
  const json: unknown = JSON.parse(text);
  return typeof json === 'object' && json !== null && 'cameras' in json ? json.cameras : json;
}

/** Each data row as an object keyed by the header's (lower-case) names. */
async function csvRows(file: string): Promise<Record<string, unknown>[]> {
  const ExcelJS = await loadExcelJs();
  const sheet = await new ExcelJS.Workbook().csv.readFile(file, {
    parserOptions: { trim: true },
    // Cells stay text ("01" is Hà Nội's code, not the number 1); the schema converts what is a number.
    map: (value: unknown) => value,
  });
  const header: string[] = [];
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    if (n === 1) header.push(...cells.map((c) => c.toLowerCase()));
    else rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  });
  return rows;
}
