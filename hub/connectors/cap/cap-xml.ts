// CAP documents and the feeds that list them, from XML. A document with a DOCTYPE or an ENTITY declaration is
// refused before any parsing: CAP needs neither, and they are how an XML bomb (entity expansion) or an external
// entity (a file or URL read on our side) gets in. What remains is checked as well-formed, then against CapAlert.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { CapAlert } from '../../../src/domain/warnings/cap-alert.js';

/** Larger than any real warning; the XML of a CAP alert is a few kB, a detailed polygon some hundred. */
export const MAX_CAP_XML = 4 * 1024 * 1024;

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

/** Elements CAP (and Atom, RSS) may repeat: always lists, even with one. */
const LISTS = new Set(['info', 'category', 'area', 'polygon', 'circle', 'geocode', 'entry', 'item', 'link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // The five predefined entities only: declared ones cannot reach here.
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

export type XmlParse = { ok: true; doc: Record<string, unknown> } | { ok: false; reason: string };

/** Well-formed XML without declarations, parsed; refused with a reason in Vietnamese otherwise. */
export function parseSafeXml(text: string): XmlParse {
  if (text.length > MAX_CAP_XML) return { ok: false, reason: `tài liệu XML lớn hơn ${MAX_CAP_XML} byte` };
  if (DECLARATION.test(text)) {
    return { ok: false, reason: 'tài liệu có khai báo DOCTYPE/ENTITY (nguy cơ XML bomb hoặc thực thể ngoài): từ chối' };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { ok: false, reason: `XML không hợp lệ (dòng ${valid.err.line}): ${valid.err.msg}` };
  }
  return { ok: true, doc: parser.parse(text) as Record<string, unknown> };
}

export type CapParse = { ok: true; alert: CapAlert } | { ok: false; reason: string };

/** A doc parsed by parseSafeXml, checked as a CAP 1.2 alert. */
export function capAlertOf(doc: Record<string, unknown>): CapParse {
  if (!('alert' in doc)) return { ok: false, reason: 'không phải bản tin CAP (thiếu phần tử <alert>)' };
  const parsed = CapAlert.safeParse(doc.alert);
  if (!parsed.success) return { ok: false, reason: `bản tin CAP không hợp lệ: ${z.prettifyError(parsed.error)}` };
  return { ok: true, alert: parsed.data };
}

/** @public The CAP bench (bench/cap-parse.mjs) parses with it, through dist/, which lint runs before. */
export function parseCapAlert(text: string): CapParse {
  const xml = parseSafeXml(text);
  return xml.ok ? capAlertOf(xml.doc) : xml;
}

const FeedLink = z.object({ '@_href': z.string(), '@_type': z.string().optional(), '@_rel': z.string().optional() });
const AtomFeed = z.object({
  feed: z.object({ entry: z.array(z.object({ link: z.array(FeedLink).default([]) })).default([]) }),
});
const RssFeed = z.object({
  rss: z.object({
    channel: z.object({
      item: z
        .array(
          z.object({ link: z.array(z.string()).default([]), enclosure: z.object({ '@_url': z.string() }).optional() }),
        )
        .default([]),
    }),
  }),
});

/** Most entries an index may list: a feed of warnings is short, a longer one is cut. */
const MAX_FEED_ENTRIES = 500;

/** The CAP documents an Atom or RSS index links to, as absolute URLs; null when the doc is neither. */
export function feedLinks(doc: Record<string, unknown>, base: string): string[] | null {
  const atom = AtomFeed.safeParse(doc);
  const rss = atom.success ? null : RssFeed.safeParse(doc);
  let hrefs: string[];
  if (atom.success) {
    hrefs = atom.data.feed.entry.flatMap((e) => {
      // An entry may link to its CAP document and to a web page: the CAP one when it says so.
      const cap =
        e.link.find((l) => l['@_type']?.includes('cap')) ??
        e.link.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate');
      return cap ? [cap['@_href']] : [];
    });
  } else if (rss?.success) {
    hrefs = rss.data.rss.channel.item.flatMap((i) => (i.enclosure ? [i.enclosure['@_url']] : i.link.slice(0, 1)));
  } else return null;
  const urls: string[] = [];
  for (const href of hrefs.slice(0, MAX_FEED_ENTRIES)) {
    try {
      const url = new URL(href, base);
      if (url.protocol === 'http:' || url.protocol === 'https:') urls.push(url.href);
    } catch {
      // A link that is not a URL is skipped; the others are still read.
    }
  }
  return urls;
}
