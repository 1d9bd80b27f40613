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

// A centre whose provinces have accounts of their own keeps the directives they source in an account of its own,
// DIRECTIVES (a mirror of `IOC_gov_tasks`: hub/jetstream/directives-mirror.ts). These subjects link it to the
// hubs' account, and no province reaches them.

/** DIRECTIVES' JetStream API as the hubs reach it: creating and reading its mirror, nothing else. */
export const DIRECTIVES_API = '$IOC.DIRECTIVES.API';

/** The hubs' JetStream API as the mirror reaches it from DIRECTIVES: a consumer on `IOC_gov_tasks`, nothing else. */
export const CENTRE_API_FOR_DIRECTIVES = '$IOC.CENTRE.API';

/** Where the hubs' account delivers the mirror's copies, taken by DIRECTIVES only. */
export const DIRECTIVES_DELIVER = '$IOC.DIRECTIVES.M';
