// A tile's settings form, generated from its widget's zod schema: z.toJSONSchema gives the fields (string,
// number, boolean, enum, list of strings); the zod schema itself validates, so refinements the JSON Schema
// cannot express (a valid time zone, a known message key) still show their error beside the field.
// A schema with no plain properties (e.g. one built with a transform) is edited as JSON instead.
import { z } from 'zod';

type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'string-list' | 'json';

export interface SettingsField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly defaultValue?: unknown;
  readonly description?: string;
}

export interface SettingsForm {
  readonly fields: readonly SettingsField[];
  /** No fields could be derived: the whole settings object is edited as JSON. */
  readonly freeForm: boolean;
}

interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
}

function kindOf(node: JsonSchemaNode): Pick<SettingsField, 'kind' | 'options'> {
  if (node.const !== undefined) return { kind: 'enum', options: [String(node.const)] };
  if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === 'string')) {
    return { kind: 'enum', options: node.enum as string[] };
  }
  switch (node.type) {
    case 'string':
      return { kind: 'string' };
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return node.items?.type === 'string' ? { kind: 'string-list' } : { kind: 'json' };
    default:
      return { kind: 'json' };
  }
}

export function formFor(schema: z.ZodType): SettingsForm {
  let json: JsonSchemaNode;
  try {
    // The form edits what goes in (defaults may be left out), not what the widget gets after parsing.
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  } catch {
    return { fields: [], freeForm: true };
  }
  const properties = json.properties ?? {};
  const required = new Set(json.required ?? []);
  const fields = Object.entries(properties).map(([name, node]): SettingsField => {
    const field: SettingsField = {
      name,
      required: required.has(name),
      ...kindOf(node),
      ...(node.minimum !== undefined ? { min: node.minimum } : {}),
      ...(node.maximum !== undefined ? { max: node.maximum } : {}),
      ...(node.default !== undefined ? { defaultValue: node.default } : {}),
      ...(node.description ? { description: node.description } : {}),
    };
    return field;
  });
  return { fields, freeForm: fields.length === 0 && json.type !== 'object' };
}

/** The text an input shows for a value ('' for none). */
export function inputText(field: SettingsField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'string-list') return Array.isArray(value) ? value.join(', ') : String(value);
  if (field.kind === 'json') return JSON.stringify(value);
  return String(value);
}

/**
 * The value an input's text stands for; undefined removes the key (the schema's default applies). Text that is
 * not a number stays text, so the schema reports it by the field rather than it being silently dropped.
 */
export function valueOf(field: SettingsField, text: string | boolean): unknown {
  if (typeof text === 'boolean') return text;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(trimmed.replace(',', '.'));
      return Number.isFinite(n) ? n : trimmed;
    }
    case 'string-list':
      return trimmed
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'json':
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return trimmed;
      }
    default:
      return text;
  }
}

export function withField(settings: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const next = { ...settings };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

export interface SettingsErrors {
  /** Messages by top-level field name. */
  readonly byField: Readonly<Record<string, readonly string[]>>;
  /** Messages about the settings as a whole. */
  readonly general: readonly string[];
}

const NO_ERRORS: SettingsErrors = { byField: {}, general: [] };

export function settingsErrors(schema: z.ZodType, settings: unknown): SettingsErrors {
  const parsed = schema.safeParse(settings ?? {});
  if (parsed.success) return NO_ERRORS;
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of parsed.error.issues) {
    const [head, ...rest] = issue.path;
    const text = rest.length > 0 ? `${rest.join('.')}: ${issue.message}` : issue.message;
    if (typeof head === 'string') (byField[head] ??= []).push(text);
    else general.push(issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message);
  }
  return { byField, general };
}

export function hasErrors(errors: SettingsErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.byField).length > 0;
}
