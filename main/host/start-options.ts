// Options of `ioc-wall start`, validated before anything starts.
import { z } from 'zod';

/** An origin the wall's pages may load streams from (cameras, VMS, media servers): scheme, host and port only. */
const MediaOrigin = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), { message: 'a media origin is http:// or https://' })
  .transform((url) => new URL(url).origin);

/** Hosts on this machine: a plain-http hub there crosses no network. */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** The hubs of `--hub URL1,URL2,…` (hubs serving the same log), in the order the host tries them. */
export function hubUrls(hub: string): string[] {
  return hub.split(',').map((url) => url.trim());
}

/** `--hub`: one or more http(s) URLs, comma-separated, none twice. */
const HubUrlList = z.string().superRefine((hub, ctx) => {
  const urls = hubUrls(hub);
  if (urls.length > 16) ctx.addIssue({ code: 'custom', message: 'at most 16 hubs' });
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      ctx.addIssue({ code: 'custom', message: `${url || '(empty)'} is not an http:// or https:// URL` });
    }
  }
  if (new Set(urls).size !== urls.length) ctx.addIssue({ code: 'custom', message: 'a hub is given twice' });
});

export const StartOptions = z
  .object({
    shell: z.enum(['auto', 'electron', 'browser', 'headless']).default('auto'),
    /**
     * `embedded` runs a hub in this process (with demo data only under --demo); otherwise the hub's URL, or several
     * comma-separated: hubs serving the same log, the host moving to the next when one dies or stalls.
     */
    hub: z.union([z.literal('embedded'), HubUrlList]).default('embedded'),
    dataDir: z.string().min(1),
    wall: z.string().min(1).optional(),
    port: z.coerce.number().int().min(0).max(65535).default(4180),
    locale: z.enum(['vi', 'en']).default('vi'),
    /** Open the operator console too (browser and Electron shells). */
    console: z.boolean().default(false),
    seed: z.coerce.number().int().default(2025),
    /** Origins added to the page's CSP for video, MJPEG and WHEP (`--media-origin`, repeatable). */
    mediaOrigins: z.array(MediaOrigin).max(64).default([]),
    /** PEM file of the CA that signed the hub's certificate: then only that CA is trusted for the hub. */
    hubCa: z.string().min(1).optional(),
    /** Accept a plain http:// hub on another machine (commands and logins would cross the network in clear). */
    insecureHub: z.boolean().default(false),
    /** Minutes without input after which a console logs its person out (`--idle-lock-minutes`). */
    idleLockMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** Seconds without the hub before this host raises its own alarm (`--hub-down-alarm-s`). */
    hubDownAlarmS: z.coerce.number().int().min(1).max(86_400).default(30),
    /** This PC's device credential for a hub given by URL (a JSON file, mode 0600, from `hub device add`). */
    hubCredential: z.string().min(1).optional(),
    /** A connectors file (hub/connectors/connectors-file.ts) run by the embedded hub (`--connectors FILE`). */
    connectors: z.string().min(1).optional(),
    /** Run the embedded hub's demo data (`--demo`); without it the embedded hub holds only what is published to it. */
    demo: z.boolean().default(false),
    /** The site's camera list (`--cameras FILE`, CSV or JSON): map points and video tiles, RTSP relayed. */
    cameras: z.string().min(1).optional(),
    /**
     * The pages served to the room's network too (`--room-address`): the presenter's tablet, a console on another
     * PC. Only over TLS (`--room-tls-cert`/`--room-tls-key`): a person's password and the token cross the network.
     */
    roomAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
    roomPort: z.coerce.number().int().min(0).max(65535).default(4443),
    roomTlsCert: z.string().min(1).optional(),
    roomTlsKey: z.string().min(1).optional(),
    /** Seconds without a word from the hub it is on before the host counts it stalled and moves on (`--hub-stall-s`). */
    hubStallS: z.coerce.number().int().min(2).max(600).default(10),
  })
  .superRefine((o, ctx) => {
    if (o.hub !== 'embedded' && !o.hubCredential) {
      ctx.addIssue({
        code: 'custom',
        path: ['hubCredential'],
        message: `--hub ${o.hub} needs --hub-credential FILE: this PC's device credential, made on the hub with "ioc-wall hub device add NAME --kind console --out FILE"`,
      });
    }
    if (o.connectors && o.hub !== 'embedded') {
      ctx.addIssue({
        code: 'custom',
        path: ['connectors'],
        message: `--connectors runs with the embedded hub; for --hub ${o.hub}, give it to "ioc-wall hub --connectors FILE" on the hub's machine`,
      });
    }
    if (o.demo && o.hub !== 'embedded') {
      ctx.addIssue({
        code: 'custom',
        path: ['demo'],
        message: '--demo fills the embedded hub; a hub given by URL makes demo data with "ioc-wall hub --demo"',
      });
    }
    if (o.roomAddress !== undefined && (!o.roomTlsCert || !o.roomTlsKey)) {
      ctx.addIssue({
        code: 'custom',
        path: ['roomTlsCert'],
        message: '--room-address serves logins and tokens to the network: give --room-tls-cert and --room-tls-key',
      });
    }
    if (o.hub === 'embedded' || o.insecureHub) return;
    for (const hub of hubUrls(o.hub).filter((h) => URL.canParse(h))) {
      const url = new URL(hub);
      if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
        ctx.addIssue({
          code: 'custom',
          path: ['hub'],
          message: `${hub} is plain http on another machine: logins and commands would cross the network unencrypted. Serve the hub with --tls-cert/--tls-key and use https://, or accept the risk with --insecure-hub`,
        });
      }
    }
  });
export type StartOptions = z.infer<typeof StartOptions>;
