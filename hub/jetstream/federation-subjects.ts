// The subjects federation crosses a leaf node on, named once: hub/jetstream/federation.ts configures stream
// sourcing with them, and `ioc-wall cluster init --provinces` exports and imports exactly these between the
// centre's account and each province's (main/host/cluster/province-accounts.ts).

/** Another domain's JetStream API, as a stream source's `external.api` reaches it: `$JS.<domain>.API`. */
export const apiPrefixOf = (domain: string): string => `$JS.${domain}.API`;

/**
 * Where the sourcing consumer in `domain` delivers the copies: `fed.<domain>.S.<id>`. One prefix per source
 * domain, so a centre takes a province's deliveries from that province's account only (never `ioc.>`, which the
 * leaf link keeps apart).
 */
export const deliverPrefixOf = (domain: string): string => `fed.${domain}`;
