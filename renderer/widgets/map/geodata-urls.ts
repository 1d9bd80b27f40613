// The shipped geodata as URLs of files Vite emits next to the bundle, fetched from the page's own origin (http
// from the host, app:// in Electron) when a map first draws. Megabytes of coordinates stay out of the JS bundle,
// and "no-inline" keeps even the small archipelago file a real file: the CSP's connect-src has no data: URLs.
import archipelagosUrl from '../../../assets/geodata/vn_archipelagos.geojson?url&no-inline';
import countriesUrl from '../../../assets/geodata/context_countries_asia_10m.geojson?url&no-inline';
import odvProvincesUrl from '../../../assets/geodata/optional_cc-by-sa/vn_provinces_34_odv.geojson?url&no-inline';
import publicDomainProvincesUrl from '../../../assets/geodata/vn_provinces_34.geojson?url&no-inline';

export const PROVINCE_BOUNDARY_URLS = {
  odv: odvProvincesUrl,
  'public-domain': publicDomainProvincesUrl,
} as const;

export const ARCHIPELAGOS_URL: string = archipelagosUrl;
export const CONTEXT_COUNTRIES_URL: string = countriesUrl;
