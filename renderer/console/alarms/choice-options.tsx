// The options of the desk's and the rule editor's selects of a priority or a province, in the UI's language.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_PRIORITIES } from '../../../src/domain/alarms/alarm-schema.js';
import { PROVINCES, provinceName } from '../../../src/domain/provinces.js';
import { useLocale } from '../../app/i18n';

export function PriorityOptions(): ReactNode {
  const { t } = useTranslation();
  return ALARM_PRIORITIES.map((p) => (
    <option key={p} value={p}>
      {t(`priority.${p}`)}
    </option>
  ));
}

export function ProvinceOptions(): ReactNode {
  const locale = useLocale();
  return PROVINCES.map((p) => (
    <option key={p.code} value={p.code}>
      {provinceName(p.code, locale)}
    </option>
  ));
}
