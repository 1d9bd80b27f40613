// A topic's name in the page's language, from its definition; a topic this page does not know (reported by a
// newer hub) shows `fallback`.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { topicLabelKey } from '../../src/contract/topics.js';

export function TopicLabel({ topic, fallback = '' }: { topic: string; fallback?: string }): ReactNode {
  const { t } = useTranslation();
  const key = topicLabelKey(topic);
  return <>{key ? t(key) : fallback}</>;
}
