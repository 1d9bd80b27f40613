// A topic exists only through its definition in TOPICS, and a definition is complete. The type checks below run in
// `tsc -p tsconfig.test.json` (part of `npm test`): each `@ts-expect-error` fails that step if the line compiles,
// that is, if the check it names were lost (say KnownTopic widened to string, or a field made optional).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { type Envelope, TopicName } from './hub-protocol.js';
import { KNOWN_TOPICS, TOPICS, type KnownTopic, type TopicDefinition, topicLabelKey } from './topics.js';

type Payload = z.ZodObject<{ level: z.ZodNumber }>;

describe('topic definitions', () => {
  it('type-check: a topic without its definition does not compile', () => {
    // Every defined topic is complete, whether or not TOPICS itself says `satisfies`.
    expectTypeOf(TOPICS).toExtend<Record<KnownTopic, TopicDefinition>>();
    expectTypeOf<'weather.radar'>().not.toExtend<KnownTopic>();
    // @ts-expect-error -- an event of a topic with no definition
    expectTypeOf<{ topic: 'weather.radar' }>().toExtend<Pick<Envelope, 'topic'>>();
    // @ts-expect-error -- no definition to read its expected period, retention or label from
    expectTypeOf(TOPICS).toHaveProperty('weather.radar');

    // @ts-expect-error -- a definition without its expected period
    expectTypeOf<{ payload: Payload; labelKey: 'topic.econLive' }>().toExtend<TopicDefinition>();
    // @ts-expect-error -- a definition without its label
    expectTypeOf<{ payload: Payload; expectedPeriodS: 60 }>().toExtend<TopicDefinition>();
    // @ts-expect-error -- a label that is not a message of src/i18n/messages.ts
    expectTypeOf<{ payload: Payload; expectedPeriodS: 60; labelKey: 'topic.radar' }>().toExtend<TopicDefinition>();
    expectTypeOf<{ payload: Payload; expectedPeriodS: 60; labelKey: 'topic.econLive' }>().toExtend<TopicDefinition>();
  });

  it('names each topic as the hub protocol requires', () => {
    for (const topic of KNOWN_TOPICS) expect(TopicName.safeParse(topic).success, topic).toBe(true);
  });

  it('labels the topics it knows, and only those', () => {
    expect(topicLabelKey('econ.indicators')).toBe('topic.econIndicators');
    expect(topicLabelKey('weather.radar')).toBeUndefined();
    expect(topicLabelKey('toString')).toBeUndefined();
  });
});
