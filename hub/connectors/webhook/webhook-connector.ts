// A webhook: another system POSTs JSON to the hub at /webhook/<connector id>, signed with the source's shared
// secret (webhook-signature.ts). Checked in the order that costs least to a flood — method, content type, size,
// timestamp, signature, replay — before the body is parsed and mapped to events like a REST response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { EventMapping, mapDocument } from '../../../src/domain/connectors/event-mapping.js';
import type { ConnectorContext, ConnectorKind } from '../connector.js';
import { publishMapped } from '../publish-mapped.js';
import { SecretRef, readSecret } from '../secret-value.js';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  SeenDeliveries,
  TIMESTAMP_HEADER,
  signatureMatches,
} from './webhook-signature.js';

export const WebhookConnectorConfig = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'id: lower-case letters, digits and -'),
  kind: z.literal('webhook'),
  secret: SecretRef,
  /** Largest body accepted, in bytes; a larger one is answered 413. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  /** How far the sender's timestamp may be from our clock, in seconds. */
  toleranceS: z.number().int().positive().max(3600).default(300),
  mapping: EventMapping,
});
export type WebhookConnectorConfig = z.infer<typeof WebhookConnectorConfig>;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
}

/** The body, or null once it passes `maxBytes` (then the request is answered 413 and the connection closed). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The handler of one webhook connector's requests. */
function webhookHandler(config: WebhookConnectorConfig, ctx: ConnectorContext): RouteHandler {
  const windowMs = config.toleranceS * 1000;
  const seen = new SeenDeliveries(2 * windowMs);
  const source = `webhook:${config.id}`;
  const status = { accepted: 0, refused: 0 };

  const refuse = (res: ServerResponse, code: number, error: string, req: IncomingMessage): void => {
    ctx.logger.warn('webhook request refused', {
      connector: config.id,
      status: code,
      error,
      from: req.socket.remoteAddress,
    });
    ctx.report({ lastRunAt: ctx.now(), lastError: `${code}: ${error}` });
    reply(res, code, { error });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return refuse(res, 405, 'POST only', req);
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return refuse(res, 415, 'content type must be application/json', req);
    if (Number(req.headers['content-length'] ?? 0) > config.maxBytes) {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, `body exceeds ${config.maxBytes} bytes`, req);
    }
    const timestamp = header(req, TIMESTAMP_HEADER);
    const delivery = header(req, DELIVERY_HEADER);
    const signature = header(req, SIGNATURE_HEADER);
    if (!timestamp || !delivery || !signature) {
      return refuse(res, 401, `${TIMESTAMP_HEADER}, ${DELIVERY_HEADER} and ${SIGNATURE_HEADER} are required`, req);
    }
    const now = ctx.now();
    const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) * 1000 : NaN;
    if (!(Math.abs(now - sentAt) <= windowMs)) return refuse(res, 401, 'timestamp outside the window', req);
    const body = await readBody(req, config.maxBytes);
    if (body === null) {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, `body exceeds ${config.maxBytes} bytes`, req);
    }
    let secret: string;
    try {
      secret = readSecret(config.secret);
    } catch (err) {
      return refuse(res, 503, (err as Error).message, req);
    }
    if (!signatureMatches(secret, timestamp, delivery, body, signature)) return refuse(res, 401, 'bad signature', req);
    if (!seen.add(delivery, now)) return refuse(res, 409, `delivery ${delivery} already received`, req);
    let doc: unknown;
    try {
      doc = JSON.parse(body.toString('utf8'));
    } catch {
      ctx.deadLetter({ input: body.toString('utf8', 0, 4000), location: delivery, reason: 'nội dung không phải JSON' });
      status.refused += 1;
      ctx.report({ lastRunAt: now, refused: status.refused, lastError: '400: body is not JSON' });
      return reply(res, 400, { error: 'body is not JSON' });
    }
    const outcome = publishMapped(ctx, config.mapping.topic, source, mapDocument(doc, config.mapping, now));
    status.accepted += outcome.accepted;
    status.refused += outcome.refused;
    ctx.report({ lastRunAt: now, ...status, lastError: null });
    reply(res, 200, { ...outcome });
  };

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      ctx.logger.error('webhook request failed', { connector: config.id, error: String(err) });
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  };
}

/** The webhook handlers the hub serves, by connector id: the hub's `route` hands `/webhook/<id>` requests here. */
export class WebhookRoutes {
  private readonly handlers = new Map<string, RouteHandler>();

  add(id: string, handler: RouteHandler): void {
    if (this.handlers.has(id)) throw new Error(`webhook ${id} is already served`);
    this.handlers.set(id, handler);
  }

  remove(id: string): void {
    this.handlers.delete(id);
  }

  /** Serves `/webhook/<id>`; false when the path is not a webhook's (the caller answers). */
  serve(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const match = /^\/webhook\/([a-z0-9-]{1,48})$/.exec(path);
    if (!match) return false;
    const handler = this.handlers.get(match[1]!);
    if (!handler) reply(res, 404, { error: 'no such webhook' });
    else handler(req, res);
    return true;
  }
}

/** The hub's webhooks: one table per process, as there is one hub server. */
export const WEBHOOK_ROUTES = new WebhookRoutes();

export function webhookConnectorKind(routes: WebhookRoutes): ConnectorKind<WebhookConnectorConfig> {
  return {
    config: WebhookConnectorConfig,
    start(config, ctx) {
      routes.add(config.id, webhookHandler(config, ctx));
      ctx.report({ lastError: null, nextRunAt: null });
      return {
        stop: async () => routes.remove(config.id),
      };
    },
  };
}

export const WEBHOOK_CONNECTOR = webhookConnectorKind(WEBHOOK_ROUTES);
