// The figure a gauge reads: an indicator over all provinces, or one province's. Pure.
import { DEMO_SOURCE } from '../../../src/contract/hub-protocol.js';
import { IndicatorPayload } from '../../../src/contract/topics.js';
import type { LatestValues } from '../../../src/domain/latest-values.js';
import { eventsOf } from '../../state/payloads';
import { aggregateIndicator, type KpiFigure } from '../kpi/kpi-figure';
import type { GaugeSettings } from './gauge-settings';

/** The figure the gauge shows; throws when a province's key carries another province's or indicator's figure. */
export function gaugeFigure(settings: GaugeSettings, values: LatestValues): KpiFigure | null {
  if (settings.province === undefined) {
    return aggregateIndicator(eventsOf(values, 'econ.indicators'), settings.indicator, settings.aggregate);
  }
  const key = `${settings.province}:${settings.indicator}`;
  const envelope = values.get('econ.indicators', key);
  if (!envelope) return null;
  const p = IndicatorPayload.parse(envelope.payload);
  if (p.province !== settings.province || p.indicator !== settings.indicator) {
    throw new Error(`"${key}" carries ${p.province}:${p.indicator}`);
  }
  return {
    value: p.value,
    time: envelope.time,
    sources: [p.sourceSystem],
    demo: envelope.source === DEMO_SOURCE,
    period: p.period,
    status: p.status,
    preliminary: p.status === 'preliminary' ? 1 : 0,
    count: 1,
    total: null,
  };
}
