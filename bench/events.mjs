// Realistic events of the two busiest topics, valid against the hub protocol's schemas: live national counters
// (LiveCounterPayload) and provincial indicators (IndicatorPayload), half and half, deterministic by index.
import { PROVINCE_CODES } from '../dist/src/domain/provinces.js';

const METRICS = ['new_businesses_today', 'public_services_today', 'documents_processed_today'];
const METRIC_SOURCES = [
  'Cổng thông tin quốc gia về đăng ký doanh nghiệp',
  'Cổng Dịch vụ công quốc gia',
  'Hệ thống quản lý văn bản điều hành',
];
const INDICATORS = ['gdp_growth', 'cpi', 'fdi', 'disbursement', 'new_businesses'];

/** The i-th event (i ≥ 0) of the bench stream, produced at `time` (epoch ms). */
export function benchEvent(i, time) {
  const j = i >> 1;
  if ((i & 1) === 0) {
    const m = j % 3;
    return {
      topic: 'econ.live',
      key: METRICS[m],
      source: 'bench',
      time,
      payload: { metric: METRICS[m], value: 1000 + Math.floor(j / 3), sourceSystem: METRIC_SOURCES[m] },
    };
  }
  const province = PROVINCE_CODES[j % PROVINCE_CODES.length];
  const indicator = INDICATORS[Math.floor(j / PROVINCE_CODES.length) % INDICATORS.length];
  return {
    topic: 'econ.indicators',
    key: `${province}:${indicator}`,
    source: 'bench',
    time,
    payload: {
      province,
      indicator,
      value: ((j * 7919) % 10_000) / 100,
      period: indicator === 'gdp_growth' ? '2026-Q3' : '2026-09',
      status: j % 7 === 0 ? 'official' : 'preliminary',
      sourceSystem: indicator === 'disbursement' ? 'Kho bạc Nhà nước' : 'Cục Thống kê (NSO)',
    },
  };
}

/** Topics the bench stream writes to. */
export const BENCH_TOPICS = ['econ.live', 'econ.indicators'];

/** Events i ∈ [from, to) with times spread evenly over [startTime, startTime + spanMs). */
export function benchEvents(from, to, total, startTime, spanMs) {
  const out = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = benchEvent(i, startTime + Math.floor((i * spanMs) / total));
  return out;
}

/** Heads per topic of a stream of n events (offsets start at 1 per topic). */
export function headsOf(n) {
  return { 'econ.live': Math.ceil(n / 2), 'econ.indicators': Math.floor(n / 2) };
}
