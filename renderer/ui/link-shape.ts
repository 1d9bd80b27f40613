// Which outline stands for each connection state, shared by the banner, the connection tile and the console.
import type { FeedState } from '../../src/contract/host-status.js';
import type { BridgeConnection } from '../bridge/bridge-client';
import type { LinkShape } from './icons';

export function feedShape(state: FeedState): LinkShape {
  return state === 'connected' ? 'ok' : state === 'offline' ? 'down' : state;
}

export function bridgeShape(state: BridgeConnection['state']): LinkShape {
  return state === 'connected' ? 'ok' : state === 'rejected' ? 'refused' : state;
}
