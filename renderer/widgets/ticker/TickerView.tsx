// A ticker: one line of the latest alerts or news scrolling right to left. The scroll is a CSS animation (the
// compositor moves it, no script runs per frame); its duration follows the text's width so the speed is the same
// whatever the length.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName } from '../../../src/domain/provinces.js';
import { useLocale } from '../../app/i18n';
import { PriorityIcon } from '../../ui/icons';
import { eventsOf } from '../../state/payloads';
import { useLatest } from '../../state/session-context';
import type { WidgetProps } from '../widget-definition';
import { alertTickerItems, staticTickerItems, type TickerItem } from './ticker-items';
import type { TickerSettings } from './ticker-settings';
import './ticker.css';

export function TickerView({ settings }: WidgetProps<TickerSettings>): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const values = useLatest(settings.source === 'alerts' ? ['ops.alerts'] : []);
  const items =
    settings.source === 'static'
      ? staticTickerItems(settings.items)
      : alertTickerItems(
          eventsOf(values, 'ops.alerts').map((e) => e.payload),
          settings.limit,
          (code) => (code ? provinceName(code, locale) : t('alerts.national')),
        );
  return (
    <div className="ticker">
      <span className="ticker__label">{t('ticker.label')}</span>
      {items.length === 0 ? (
        <p className="ticker__empty">{t('ticker.empty')}</p>
      ) : (
        <Scroller items={items} speed={settings.speed} />
      )}
    </div>
  );
}

function Scroller({ items, speed }: { items: readonly TickerItem[]; speed: number }): ReactNode {
  const track = useRef<HTMLDivElement>(null);
  const [durationS, setDurationS] = useState<number | null>(null);
  const signature = items.map((i) => i.text).join('\n');
  useLayoutEffect(() => {
    const el = track.current;
    if (!el) return;
    // The track holds the items twice and moves by one copy's width, so the loop has no seam.
    const measure = (): void => setDurationS(Math.max(4, el.scrollWidth / 2 / speed));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [signature, speed]);
  return (
    <div className="ticker__window">
      <div
        ref={track}
        className="ticker__track"
        data-testid="ticker-track"
        style={durationS === null ? undefined : { animationDuration: `${durationS.toFixed(2)}s` }}
      >
        <Line items={items} />
        <Line items={items} hidden />
      </div>
    </div>
  );
}

function Line({ items, hidden = false }: { items: readonly TickerItem[]; hidden?: boolean }): ReactNode {
  return (
    <ul className="ticker__line" aria-hidden={hidden || undefined}>
      {items.map((item) => (
        <li key={item.id} className={`ticker__item ${item.priority ? `ticker__item--${item.priority}` : ''}`}>
          {item.priority && <PriorityIcon priority={item.priority} />}
          {item.text}
        </li>
      ))}
    </ul>
  );
}
