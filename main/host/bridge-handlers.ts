// The host's side of the bridge contract: one typed handler per call of BRIDGE_CALLS.
import type { BridgeCallName, BridgeRequest, BridgeResponse } from '../../src/contract/bridge.js';

/** What a page's token lets it do: a wall window only reads; the console may log a person in and act. */
export type BridgeAccess = 'wall' | 'console';

export interface CallContext {
  clientId: string;
  access: BridgeAccess;
}

/** Thrown by a handler that acts for a person when nobody is logged in on the calling page. */
export class LoginRequired extends Error {
  constructor() {
    super('đăng nhập để thực hiện (log in first)');
  }
}

export type BridgeHandlers = {
  [K in BridgeCallName]: (
    request: BridgeRequest<K>,
    ctx: CallContext,
  ) => BridgeResponse<K> | Promise<BridgeResponse<K>>;
};
