import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formFor, hasErrors, inputText, settingsErrors, valueOf, withField } from './settings-form';

const Settings = z.object({
  title: z.string().min(1).max(20),
  limit: z.number().int().min(1).max(50).default(6),
  includeAcknowledged: z.boolean().default(false),
  mode: z.enum(['mean', 'sum']).default('mean'),
  zones: z
    .array(z.string().refine((s) => s.includes('/'), { message: 'not an IANA time zone' }))
    .min(1)
    .default(['Asia/Ho_Chi_Minh']),
});

describe('settings form', () => {
  it('derives one field per setting with its kind, bounds and default', () => {
    const form = formFor(Settings);
    expect(form.freeForm).toBe(false);
    expect(form.fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['title', 'string', true],
      ['limit', 'integer', false],
      ['includeAcknowledged', 'boolean', false],
      ['mode', 'enum', false],
      ['zones', 'string-list', false],
    ]);
    expect(form.fields[1]).toMatchObject({ min: 1, max: 50, defaultValue: 6 });
    expect(form.fields[3]?.options).toEqual(['mean', 'sum']);
  });

  it('falls back to JSON for a schema that JSON Schema cannot show', () => {
    expect(formFor(z.unknown().transform((v) => v)).freeForm).toBe(true);
    expect(formFor(z.object({})).freeForm).toBe(false);
  });

  it('turns input text into values, and empty text into "use the default"', () => {
    const [title, limit, , , zones] = formFor(Settings).fields;
    expect(valueOf(limit!, '12')).toBe(12);
    expect(valueOf(limit!, '1,5')).toBe(1.5);
    expect(valueOf(limit!, 'abc')).toBe('abc');
    expect(valueOf(limit!, ' ')).toBeUndefined();
    expect(valueOf(zones!, 'Asia/Ho_Chi_Minh, UTC')).toEqual(['Asia/Ho_Chi_Minh', 'UTC']);
    expect(inputText(zones!, ['A/B', 'C/D'])).toBe('A/B, C/D');
    expect(valueOf(title!, 'Tên')).toBe('Tên');
    expect(withField({ limit: 3 }, 'limit', undefined)).toEqual({});
  });

  it('reports errors by field, including refinements JSON Schema cannot express', () => {
    const errors = settingsErrors(Settings, { title: '', limit: 'abc', zones: ['UTC'] });
    expect(Object.keys(errors.byField).sort()).toEqual(['limit', 'title', 'zones']);
    expect(errors.byField.zones?.[0]).toContain('not an IANA time zone');
    expect(hasErrors(settingsErrors(Settings, { title: 'Ok' }))).toBe(false);
  });
});
