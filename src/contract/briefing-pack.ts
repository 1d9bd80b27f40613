// The briefing pack: a briefing exported to one PDF (a title page, then one A4 landscape page per scene as of its
// time). The console asks for it (bridge call `briefingPack`); the host prints the page `#/print?pack=<id>`, which
// reads what to print with `printPack`. A scene here is what the pack needs of a briefing's scene
// (src/domain/briefing/briefing-schema.ts): its title, preset, time and notes.
import { z } from 'zod';
import { PresetId } from '../domain/presets/preset-schema.js';

/** The classification line printed on every page and as the watermark (Vietnamese state-secret levels). */
export const Classification = z.enum(['internal', 'confidential', 'secret', 'top-secret']);
export type Classification = z.infer<typeof Classification>;

export const PackScene = z.object({
  title: z.string().trim().min(1).max(120),
  presetId: PresetId,
  /** The figures as of this time (epoch ms); absent: as of the export. */
  asOf: z.number().int().nonnegative().optional(),
  notes: z.string().max(4000).optional(),
});
export type PackScene = z.infer<typeof PackScene>;

export const PackRequest = z.object({
  name: z.string().trim().min(1).max(160),
  presenter: z.string().trim().min(1).max(120),
  classification: Classification,
  scenes: z.array(PackScene).min(1).max(100),
});
export type PackRequest = z.infer<typeof PackRequest>;

/** What the print page draws: the request with the time of the export, every scene's time resolved. */
export const PackSpec = PackRequest.extend({
  createdAt: z.number().int().nonnegative(),
  scenes: z
    .array(PackScene.required({ asOf: true }))
    .min(1)
    .max(100),
});
export type PackSpec = z.infer<typeof PackSpec>;

export const PackId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** The PDF, whole (a pack of 100 scenes stays far below the bound). */
export const PackFile = z.object({
  fileName: z.string().max(200),
  pages: z.number().int().positive(),
  bytes: z.number().int().positive(),
  pdfBase64: z.string().max(64_000_000),
});
export type PackFile = z.infer<typeof PackFile>;
