// A KPI tile: label, the big figure with its unit, and where the figure comes from.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPeriod } from '../../../src/i18n/format.js';
import { useLocale } from '../../app/i18n';
import { useLatest } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { kpiFigure, type KpiFigure } from './kpi-figure';
import type { KpiSettings } from './kpi-settings';

export function KpiView({ settings }: WidgetProps<KpiSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest([settings.topic]);
  const figure = kpiFigure(settings, values);
  const label = settings.label ? t(settings.label) : settings.mode === 'key' ? settings.key : settings.indicator;
  return (
    <div className="kpi">
      <h2 className="tile-title kpi__label">{label}</h2>
      {figure ? (
        <p className="kpi__figure">
          <span className="kpi__value" data-testid="kpi-value">
            {formatNumber(figure.value, locale, { maximumFractionDigits: settings.fractionDigits })}
          </span>
          {settings.unit && <span className="kpi__unit">{t(settings.unit)}</span>}
        </p>
      ) : (
        <p className="kpi__figure kpi__figure--waiting">{t('age.waiting')}</p>
      )}
      {figure && <p className="kpi__provenance">{provenance(figure, settings, t, locale).join(' · ')}</p>}
    </div>
  );
}

function provenance(figure: KpiFigure, settings: KpiSettings, t: TFunction, locale: 'vi' | 'en'): string[] {
  const parts = [t('kpi.source', { source: figure.sources.join(', ') })];
  if (figure.period) parts.push(formatPeriod(figure.period, locale));
  if (figure.status === 'mixed') parts.push(t('dataStatus.mixed', { count: figure.preliminary, total: figure.count }));
  else if (figure.status) parts.push(t(`dataStatus.${figure.status}`));
  if (figure.total !== null) {
    const scope = t('kpi.provinces', { count: figure.count, total: figure.total });
    parts.push(settings.mode === 'aggregate' ? `${t(`kpi.${settings.aggregate}`)} ${scope}` : scope);
  }
  return parts;
}
