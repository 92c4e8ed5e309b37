/** One graded answer reduced to what topic analysis needs. */
export interface TopicScore {
  topicId: number;
  earned: number;
  max: number;
}

export interface TopicFacility {
  topicId: number;
  /** Share of the points earned on the topic's questions, 0..1. */
  facility: number;
  answers: number;
}

/**
 * Topics ordered weakest first (lowest share of points earned); ties: more answers first (the
 * figure is surer), then topic id. Topics with no points at stake are left out.
 */
export function weakestTopics(rows: readonly TopicScore[]): TopicFacility[] {
  const acc = new Map<number, { earned: number; max: number; answers: number }>();
  for (const r of rows) {
    const a = acc.get(r.topicId) ?? { earned: 0, max: 0, answers: 0 };
    a.earned += r.earned;
    a.max += r.max;
    a.answers += 1;
    acc.set(r.topicId, a);
  }
  return [...acc.entries()]
    .filter(([, a]) => a.max > 0)
    .map(([topicId, a]) => ({ topicId, facility: Math.round((a.earned / a.max) * 1e6) / 1e6, answers: a.answers }))
    .sort((x, y) => x.facility - y.facility || y.answers - x.answers || x.topicId - y.topicId);
}
