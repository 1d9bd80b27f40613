// The settings of an `xlsx-folder` connector: the drop folder, and how a department's report maps onto indicator
// events — which sheet, which row holds the headers, which column names the province and the period, and which
// columns hold which indicator in which unit. Columns are named by their header text (case and diacritics do not
// matter) or by their letter ("C").
import { z } from 'zod';
import { IndicatorId } from '../../../src/contract/topics.js';
import { parsePeriod } from '../../../src/domain/reports/report-period.js';
import { parseUnit } from '../../../src/domain/reports/report-unit.js';

const Column = z.string().trim().min(1).max(200);

const Unit = z
  .string()
  .max(40)
  .refine((u) => parseUnit(u) !== null, { message: 'unknown unit (e.g. "tỷ đồng", "triệu USD", "%")' });

export const XlsxFolderConfig = z
  .object({
    id: z.string(),
    kind: z.literal('xlsx-folder'),
    /** The drop folder; `done/`, `failed/` and `.ioc-wall/` are made inside it. */
    folder: z.string().min(1),
    pollSeconds: z.number().min(0.1).max(3600).default(5),
    /** Who the figures come from, as provenance: "Sở Tài chính Hà Nội". */
    sourceSystem: z.string().min(1).max(60),
    status: z.enum(['preliminary', 'official']).default('official'),
    /** A sheet's name or its position (1: the first). */
    sheet: z.union([z.string().min(1).max(100), z.number().int().min(1)]).default(1),
    headerRow: z.number().int().min(1).max(1000).default(1),
    provinceColumn: Column,
    /** The column of each row's period, or `period` for the whole file. */
    periodColumn: Column.optional(),
    period: z
      .string()
      .refine((p) => parsePeriod(p).ok, { message: 'not a period (e.g. "Tháng 10/2025", "Quý III/2025")' })
      .optional(),
    columns: z
      .array(
        z.object({
          column: Column,
          indicator: IndicatorId,
          /** The unit of the column's figures… */
          unit: Unit,
          /** …unless this column gives each row's own unit ("tỷ USD" in one row, "triệu USD" in the next). */
          unitColumn: Column.optional(),
        }),
      )
      .min(1)
      .max(50),
  })
  .refine((c) => (c.periodColumn === undefined) !== (c.period === undefined), {
    message: 'give either periodColumn (a period per row) or period (one for the whole file)',
    path: ['periodColumn'],
  });
export type XlsxFolderConfig = z.infer<typeof XlsxFolderConfig>;
