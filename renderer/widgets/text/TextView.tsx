// A text tile: a heading and paragraphs in large type. React renders them as text, so nothing in the settings
// can become markup.
import type { ReactNode } from 'react';
import type { WidgetProps } from '../widget-definition';
import type { TextSettings } from './text-settings';
import './text.css';

export function TextView({ settings }: WidgetProps<TextSettings>): ReactNode {
  return (
    <article className={`text-tile text-tile--${settings.size} text-tile--${settings.align}`}>
      {settings.title && <h2 className="text-tile__title">{settings.title}</h2>}
      {settings.paragraphs.map((paragraph, i) => (
        <p key={i} className="text-tile__paragraph">
          {paragraph}
        </p>
      ))}
    </article>
  );
}
