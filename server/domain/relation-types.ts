/**
 * The relation-type vocabulary: the only relation types the data may use, each
 * documented once. `label` is how the page writes the edge; `verbs` are the
 * words and phrases a question may use for it (the question engine reads this
 * table, so a new type or synonym is one line here).
 *
 * Direction: every type reads "from <label> to", e.g. a Person RELEASED_BY a
 * Country reads "Ihar Losik released by Belarus".
 */
export interface RelationTypeInfo {
  /** What the relation means, in one sentence. */
  description: string;
  /** Readable words for an edge, read from -> to. */
  label: string;
  /** Words a question may use for this relation (stems are fine: "negotiat"). */
  verbs: string[];
  /** True when the relation reads the same both ways (SPOUSE_OF). */
  symmetric?: boolean;
}

export const RELATION_TYPES = {
  RELEASED_BY: { description: 'A prisoner was freed, pardoned or released by a state, ruler or authority.', label: 'released by', verbs: ['released', 'freed', 'pardoned', 'let go', 'free', 'release', 'pardon'] },
  RELEASED_IN: { description: 'A person was among those freed in a release event.', label: 'released in', verbs: ['released', 'freed', 'pardoned', 'among those released', 'released in'] },
  BROKERED_BY: { description: 'A deal, release or event was brokered, mediated or secured by a party.', label: 'brokered by', verbs: ['brokered', 'mediated', 'secured', 'broker', 'mediate', 'arranged', 'helped secure'] },
  NEGOTIATED: { description: 'A party negotiated (took part in talks about) an event or deal, or with another party.', label: 'negotiated', verbs: ['negotiated', 'negotiate', 'negotiating', 'negotiations', 'talks', 'talked with'] },
  SPOUSE_OF: { description: 'Two people are married.', label: 'spouse of', verbs: ['married', 'husband', 'wife', 'spouse', 'partner', 'marriage', 'wed'], symmetric: true },
  CROSSED_INTO: { description: 'A person or group crossed a border into a country or place.', label: 'crossed into', verbs: ['crossed', 'cross', 'entered', 'arrived', 'came into', 'went into'] },
  REFUSED_TO_CROSS: { description: 'A person refused to cross a border into a country or place.', label: 'refused to cross into', verbs: ['refused', 'declined', 'refused to cross', 'stayed'] },
  DEPORTED_TO: { description: 'A person or group was deported, expelled or forced into exile to a country.', label: 'deported to', verbs: ['deported', 'expelled', 'exiled', 'forced out', 'deport', 'expel'] },
  TRANSPORTED_TO: { description: 'A person or group was taken or bused to a place.', label: 'taken to', verbs: ['transported', 'bused', 'taken', 'driven'] },
  LEADS: { description: 'A person leads (heads, presides over, rules) an organisation, country or group.', label: 'leads', verbs: ['leads', 'led', 'lead', 'leader', 'heads', 'head', 'headed', 'president', 'chief', 'rules', 'ruler', 'runs'] },
  MEMBER_OF: { description: 'A person belongs to an organisation, team or movement.', label: 'member of', verbs: ['member', 'belongs', 'part of', 'works for', 'team'] },
  WORKS_FOR: { description: 'A person works for (is employed by, reports for) an organisation.', label: 'works for', verbs: ['works for', 'journalist for', 'employed', 'works', 'reporter'] },
  ADVISES: { description: 'A person advises another person or organisation.', label: 'advises', verbs: ['advises', 'adviser', 'advisor', 'advise', 'counsels'] },
  REPRESENTS: { description: 'A person speaks for or represents an organisation or country.', label: 'represents', verbs: ['represents', 'spokesperson', 'spokesman', 'envoy', 'speaks for'] },
  CITIZEN_OF: { description: 'A person is a citizen or national of a country.', label: 'citizen of', verbs: ['citizen', 'national', 'nationality', 'from'] },
  ALLY_OF: { description: 'A person or country is a close ally of another.', label: 'ally of', verbs: ['ally', 'allied', 'allies', 'close to'], symmetric: true },
  SAID: { description: 'A speaker said something about an event or entity; the evidence quote holds what was said.', label: 'said about', verbs: ['said', 'say', 'says', 'stated', 'told', 'called', 'described', 'condemned', 'wrote', 'announced', 'praised', 'thanked'] },
  CONDEMNED: { description: 'A person or organisation condemned or denounced an event or act.', label: 'condemned', verbs: ['condemned', 'condemn', 'denounced', 'criticised', 'criticized'] },
  THANKED: { description: 'A person thanked another party for something.', label: 'thanked', verbs: ['thanked', 'thank', 'grateful'] },
  CALLED_FOR: { description: 'A party demanded or called for something (a release, sanctions, reforms), or called on another party.', label: 'called for', verbs: ['called for', 'demanded', 'urged', 'asked for', 'called on', 'pressed'] },
  MET: { description: 'Two parties met.', label: 'met', verbs: ['met', 'meet', 'meeting', 'visited'], symmetric: true },
  SENT_LETTER_TO: { description: 'A person sent or passed a letter to another.', label: 'sent a letter to', verbs: ['letter', 'wrote to', 'sent'] },
  DELIVERED: { description: 'A person carried or passed something (a letter, a message) on behalf of another.', label: 'delivered', verbs: ['delivered', 'passed', 'handed'] },
  GRANTED_SANCTIONS_RELIEF_TO: { description: 'A state lifted or eased sanctions on an organisation or country.', label: 'granted sanctions relief to', verbs: ['sanctions relief', 'lifted sanctions', 'eased sanctions', 'sanctions', 'relief'] },
  PARTICIPATED_IN: { description: 'A party took part in an event.', label: 'took part in', verbs: ['participated', 'took part', 'take part', 'takes part', 'joined', 'attended'] },
  OCCURRED_IN: { description: 'An event took place in a place or country.', label: 'took place in', verbs: ['occurred', 'happened', 'took place', 'take place', 'takes place', 'held'] },
  REPORTED_BY: { description: 'A fact or event was reported or confirmed by a source (news agency, rights group, embassy).', label: 'reported by', verbs: ['reported', 'according to', 'confirmed', 'source'] },
  CONFIRMED: { description: 'A party confirmed an event.', label: 'confirmed', verbs: ['confirmed', 'confirm', 'announced'] },
  SENTENCED_BY: { description: 'A person was convicted or sentenced by a state or court.', label: 'sentenced by', verbs: ['sentenced', 'convicted', 'jailed', 'imprisoned'] },
  IMPRISONED_IN: { description: 'A person was held in a prison or country.', label: 'imprisoned in', verbs: ['imprisoned', 'jailed', 'held', 'detained'] },
  CANDIDATE_IN: { description: 'A person stood as a candidate in an election.', label: 'candidate in', verbs: ['candidate', 'ran', 'stood'] },
  PRECEDED: { description: 'An event came before, and is linked to, another event.', label: 'preceded', verbs: ['before', 'preceded', 'led to', 'earlier', 'after', 'followed'] },
  PART_OF: { description: 'An event or place is part of a larger one.', label: 'part of', verbs: ['part of', 'within', 'in'] },
  LOCATED_IN: { description: 'A place lies in a country or larger place.', label: 'located in', verbs: ['located', 'in', 'capital'] },
  BORDERS: { description: 'Two countries share a border.', label: 'borders', verbs: ['borders', 'border', 'neighbour', 'neighbor', 'neighbouring'], symmetric: true },
  INVADED: { description: 'A country invaded another.', label: 'invaded', verbs: ['invaded', 'invasion', 'attacked'] },
  SUPPORTED: { description: 'A party supported another party or an action.', label: 'supported', verbs: ['supported', 'support', 'backed', 'helped'] },
  AIDED: { description: 'A party gave aid or care to people.', label: 'aided', verbs: ['aided', 'aid', 'helped', 'assisted', 'care', 'humanitarian'] },
  AWARDED: { description: 'A person received a prize or award.', label: 'awarded', verbs: ['awarded', 'won', 'prize', 'winner'] },
  SHOT_DOWN: { description: 'A country shot down aircraft or drones of another.', label: 'shot down', verbs: ['shot down', 'downed'] },
  IN_EXCHANGE_FOR: { description: 'A concession or benefit was given in return for another (sanctions relief in return for a prisoner release).', label: 'given in return for', verbs: ['in return', 'in exchange', 'exchange', 'traded for', 'tied to', 'quid pro quo'] },
} as const satisfies Record<string, RelationTypeInfo>;

export type RelationType = keyof typeof RELATION_TYPES;

export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}
