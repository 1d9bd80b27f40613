// The name of a site's JetStream domain: what separates a province's streams from the centre's across a leaf node,
// and the middle of their API subjects (`$JS.<domain>.API`). So no dots, spaces or wildcards.
import { z } from 'zod';

export const JetStreamDomain = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/, 'a JetStream domain is letters, digits and - (at most 32)');
