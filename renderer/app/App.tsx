// The page: picks what to show from the hash route and the bridge details found at start-up.
import type { ReactNode } from 'react';
import type { BridgeParamsResult } from '../bridge/bridge-params';
import { ConsolePage } from '../console/ConsolePage';
import { PresenterPage } from '../presenter/PresenterPage';
import { PrintPage } from '../print/PrintPage';
import { WallPage } from '../wall/WallPage';
import { BriefingUnavailablePage, NoBridgePage, NotFoundPage } from './InfoPages';
import { useRoute } from './use-route';

export function App({ bridge }: { bridge: BridgeParamsResult }): ReactNode {
  const route = useRoute();
  if (route.kind === 'briefing') return <BriefingUnavailablePage />;
  if (route.kind === 'unknown') return <NotFoundPage path={route.path} />;
  if (!bridge.ok) return <NoBridgePage result={bridge} />;
  if (route.kind === 'presenter') return <PresenterPage params={bridge.params} />;
  if (route.kind === 'print') return <PrintPage params={bridge.params} packId={route.packId} />;
  const surfaceId =
    route.kind === 'wall' ? route.surfaceId : route.kind === 'home' ? bridge.params.surfaceId : undefined;
  // Keyed so that moving from one surface to another opens a fresh session for the new one.
  if (surfaceId !== undefined) return <WallPage key={surfaceId} params={bridge.params} surfaceId={surfaceId} />;
  return <ConsolePage params={bridge.params} />;
}
