// The host's side of the bridge contract: one typed handler per call of BRIDGE_CALLS.
import type { BridgeCallName, BridgeRequest, BridgeResponse } from '../../src/contract/bridge.js';

interface CallContext {
  clientId: string;
}

export type BridgeHandlers = {
  [K in BridgeCallName]: (
    request: BridgeRequest<K>,
    ctx: CallContext,
  ) => BridgeResponse<K> | Promise<BridgeResponse<K>>;
};
