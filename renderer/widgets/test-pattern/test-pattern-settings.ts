// Settings of a test-pattern tile: how far apart its diagonal lines are and how thick, in pixels.
import { z } from 'zod';

export const TestPatternSettings = z
  .object({
    spacing: z.number().int().min(20).max(2000).default(160),
    lineWidth: z.number().int().min(1).max(100).default(6),
  })
  .strict();
export type TestPatternSettings = z.infer<typeof TestPatternSettings>;
