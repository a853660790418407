/**
 * Verbs the relation-type table (server/domain/relation-types.ts) does not
 * list, mapped to the nearest word it does: "leave" reads as "cross", so
 * "who refused to leave?" finds "refused to cross into". Kept beside the
 * vocabulary that uses it; plain English only, no story's names.
 *
 * `origin: true` marks verbs whose object is where the motion starts
 * ("leave X"): the relation records where one went, so X does not filter it.
 */
export interface Synonym {
  /** A word the vocabulary lists (one word of a verb phrase). */
  means: string;
  /** The object of this verb is the starting point, not the destination. */
  origin?: boolean;
}

export const SYNONYMS: Readonly<Record<string, Synonym>> = {
  // movement
  leave: { means: 'cross', origin: true },
  leaves: { means: 'cross', origin: true },
  leaving: { means: 'cross', origin: true },
  left: { means: 'cross', origin: true },
  depart: { means: 'cross', origin: true },
  departed: { means: 'cross', origin: true },
  exit: { means: 'cross', origin: true },
  exited: { means: 'cross', origin: true },
  quit: { means: 'cross', origin: true },
  reach: { means: 'entered' },
  reached: { means: 'entered' },
  sail: { means: 'crossed' },
  sailed: { means: 'crossed' },
  // release and prison
  liberate: { means: 'freed' },
  liberated: { means: 'freed' },
  free: { means: 'release' },
  unjailed: { means: 'freed' },
  banish: { means: 'expel' },
  banished: { means: 'expelled' },
  jail: { means: 'jailed' },
  locked: { means: 'jailed' },
  arrested: { means: 'detained' },
  // talks and deals
  bargained: { means: 'negotiated' },
  bargain: { means: 'negotiate' },
  haggled: { means: 'negotiated' },
  facilitated: { means: 'brokered' },
  facilitate: { means: 'broker' },
  struck: { means: 'brokered' },
  swap: { means: 'exchange' },
  swapped: { means: 'exchange' },
  trade: { means: 'exchange' },
  traded: { means: 'exchange' },
  // people and offices
  govern: { means: 'rules' },
  governs: { means: 'rules' },
  chairs: { means: 'heads' },
  boss: { means: 'head' },
  employs: { means: 'employed' },
  employer: { means: 'employed' },
  wedded: { means: 'married' },
  // words
  praise: { means: 'praised' },
  criticise: { means: 'criticised' },
  criticize: { means: 'criticized' },
  denounce: { means: 'denounced' },
  demand: { means: 'demanded' },
  thanks: { means: 'thanked' },
  // meetings
  visit: { means: 'visited' },
  greeted: { means: 'met' },
  welcomed: { means: 'met' },
  // help
  backs: { means: 'backed' },
  funded: { means: 'supported' },
  funds: { means: 'supported' },
};

/** The synonym a folded word stands for, if any. */
export function synonymOf(folded: string): Synonym | null {
  return Object.prototype.hasOwnProperty.call(SYNONYMS, folded) ? SYNONYMS[folded]! : null;
}
