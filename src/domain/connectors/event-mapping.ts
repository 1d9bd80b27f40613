// How a JSON document from outside (a REST response, a webhook body) becomes events: which part holds the items,
// which selector gives each payload field, fixed fields, and the key as a template of payload fields. Each item
// is checked against its topic's schema here, so one bad item is refused with its reason and the rest go on.
import { z } from 'zod';
import { KnownTopic, TOPICS } from '../../contract/topics.js';
import { parseSelector, selectAll, selectValue, type Selector } from './json-selector.js';

const SelectorText = z.string().transform((text, ctx): Selector => {
  const parsed = parseSelector(text);
  if (parsed.ok) return parsed.selector;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

const WHOLE_DOCUMENT: Selector = { text: '$', steps: [], many: false };

const FieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'field name: letters, digits and _');
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export const EventMapping = z
  .strictObject({
    topic: KnownTopic,
    /** Where the items are: `$.data[*]`; `$` (the default) when the document is one item. */
    items: SelectorText.default(WHOLE_DOCUMENT),
    /** The event's key from payload fields: `{province}:{indicator}`. */
    key: z.string().min(1).max(200),
    /** Payload field → selector within the item. */
    fields: z.record(FieldName, SelectorText),
    /** Payload fields with a fixed value (`sourceSystem`, `status`). */
    constants: z.record(FieldName, z.json()).default({}),
    /** The event's time within the item (epoch ms or ISO 8601); the time of arrival when absent. */
    time: SelectorText.optional(),
  })
  .superRefine((mapping, ctx) => {
    for (const [, name] of mapping.key.matchAll(PLACEHOLDER)) {
      if (!(name! in mapping.fields) && !(name! in mapping.constants)) {
        ctx.addIssue({ code: 'custom', path: ['key'], message: `{${name}} is neither a field nor a constant` });
      }
    }
  });
export type EventMapping = z.infer<typeof EventMapping>;

export interface MappedEvent {
  key: string;
  time: number;
  payload: unknown;
}

export interface RefusedItem {
  /** The item as JSON, for the dead letter. */
  input: string;
  /** Which item: `$.data[*][3]`. */
  location: string;
  /** Why, in Vietnamese. */
  reason: string;
}

/** Beyond this many items a document is cut: the rest is refused in one entry rather than flooding the log. */
const MAX_ITEMS = 10_000;

function eventTime(item: unknown, selector: Selector | undefined, now: number): number | string {
  if (!selector) return now;
  const value = selectValue(item, selector);
  const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isSafeInteger(time) && time >= 0 ? time : `thời điểm "${String(value)}" không hợp lệ`;
}

function mapItem(item: unknown, mapping: EventMapping, now: number): MappedEvent | string {
  const payload: Record<string, unknown> = { ...mapping.constants };
  for (const [field, selector] of Object.entries(mapping.fields)) {
    const value = selectValue(item, selector);
    if (value !== undefined) payload[field] = value;
  }
  const parsed = TOPICS[mapping.topic].payload.safeParse(payload);
  if (!parsed.success) return `không khớp lược đồ của chủ đề ${mapping.topic}: ${z.prettifyError(parsed.error)}`;
  const missing: string[] = [];
  const key = mapping.key.replace(PLACEHOLDER, (_, name: string) => {
    const part = payload[name];
    if (typeof part === 'string' || typeof part === 'number') return String(part);
    missing.push(name);
    return '';
  });
  if (missing.length > 0) return `thiếu trường cho khóa: ${missing.join(', ')}`;
  const time = eventTime(item, mapping.time, now);
  if (typeof time === 'string') return time;
  return { key, time, payload: parsed.data };
}

/** Maps every item of `doc`; each is either an event or refused with its reason. */
export function mapDocument(
  doc: unknown,
  mapping: EventMapping,
  now: number,
): { events: MappedEvent[]; refused: RefusedItem[] } {
  const items = selectAll(doc, mapping.items);
  const events: MappedEvent[] = [];
  const refused: RefusedItem[] = [];
  items.slice(0, MAX_ITEMS).forEach((item, i) => {
    const mapped = mapItem(item, mapping, now);
    const location = mapping.items.many ? `${mapping.items.text}[${i}]` : mapping.items.text;
    if (typeof mapped === 'string')
      refused.push({ input: JSON.stringify(item) ?? 'undefined', location, reason: mapped });
    else events.push(mapped);
  });
  if (items.length > MAX_ITEMS) {
    refused.push({
      input: `${items.length - MAX_ITEMS} mục`,
      location: mapping.items.text,
      reason: `tài liệu có ${items.length} mục, quá giới hạn ${MAX_ITEMS}; phần còn lại bị bỏ`,
    });
  }
  if (items.length === 0) {
    refused.push({
      input: (JSON.stringify(doc) ?? '').slice(0, 2000),
      location: mapping.items.text,
      reason: `không tìm thấy mục nào tại "${mapping.items.text}" (cấu trúc dữ liệu đã đổi?)`,
    });
  }
  return { events, refused };
}
