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
  /** How a sentence reads it when the `to` end is a party (a person, group, organisation or country), not an event or deal: "negotiated with". */
  partyLabel?: string;
  /** True when one end belongs to, works for or acts for the other (MEMBER_OF, REPRESENTS, HOLDS an office, POSITION_IN), pointing from the member to the body: the two are on one side, never each other's counterparty. */
  affiliation?: boolean;
}

export const RELATION_TYPES = {
  RELEASED_BY: { description: 'A prisoner was freed, pardoned or released by a state, ruler or authority.', label: 'released by', verbs: ['released', 'freed', 'pardoned', 'let go', 'free', 'release', 'pardon'] },
  RELEASED_IN: { description: 'A person was among those freed in a release event.', label: 'released in', verbs: ['released', 'freed', 'pardoned', 'among those released', 'released in'] },
  BROKERED_BY: { description: 'A deal, release or event was brokered, mediated or secured by a party.', label: 'brokered by', verbs: ['brokered', 'mediated', 'secured', 'broker', 'mediate', 'arranged', 'helped secure'] },
  NEGOTIATED: { description: 'A party negotiated (took part in talks about) an event or deal, or with another party.', label: 'negotiated', partyLabel: 'negotiated with', verbs: ['negotiated', 'negotiate', 'negotiating', 'negotiations', 'talks', 'talked with'] },
  SPOUSE_OF: { description: 'Two people are married.', label: 'spouse of', verbs: ['married', 'husband', 'wife', 'spouse', 'partner', 'marriage', 'wed'], symmetric: true },
  CROSSED_INTO: { description: 'A person or group crossed a border into a country or place.', label: 'crossed into', verbs: ['crossed', 'cross', 'entered', 'arrived', 'came into', 'went into'] },
  REFUSED_TO_CROSS: { description: 'A person refused to cross a border into a country or place.', label: 'refused to cross into', verbs: ['refused', 'declined', 'refused to cross', 'stayed'] },
  DEPORTED_TO: { description: 'A person or group was deported, expelled or forced into exile to a country.', label: 'deported to', verbs: ['deported', 'expelled', 'exiled', 'forced out', 'deport', 'expel'] },
  TRANSPORTED_TO: { description: 'A person or group was taken, driven or bused to a place (and got there; TAKEN_TOWARDS when only the direction is known).', label: 'transported to', verbs: ['transported', 'bused', 'taken', 'driven'] },
  LEADS: { description: 'A person leads (heads, presides over, rules) an organisation, country or group.', label: 'leads', verbs: ['leads', 'led', 'lead', 'leader', 'heads', 'head', 'headed', 'president', 'chief', 'rules', 'ruler', 'runs'], affiliation: true },
  MEMBER_OF: { description: 'A person belongs to an organisation, team, movement or group (a Group\'s named members are MEMBER_OF it).', label: 'member of', verbs: ['member', 'belongs', 'part of', 'works for', 'team'], affiliation: true },
  WORKS_FOR: { description: 'A person works for (is employed by, reports for) an organisation.', label: 'works for', verbs: ['works for', 'journalist for', 'employed', 'works', 'reporter'], affiliation: true },
  ADVISES: { description: 'A person advises another person or organisation.', label: 'advises', verbs: ['advises', 'adviser', 'advisor', 'advise', 'counsels'], affiliation: true },
  REPRESENTS: { description: 'A person speaks for or acts for an organisation or country on its behalf (an envoy, a spokesperson); not recognition by third parties (RECOGNISED_AS_REPRESENTATIVE_OF).', label: 'represents', verbs: ['represents', 'spokesperson', 'spokesman', 'envoy', 'speaks for'], affiliation: true },
  CITIZEN_OF: { description: 'A person is a citizen or national of a country; from a Group, some of its members are.', label: 'citizen of', verbs: ['citizen', 'national', 'nationality', 'from'] },
  ALLY_OF: { description: 'A person or country is a close ally of another.', label: 'ally of', verbs: ['ally', 'allied', 'allies', 'close to'], symmetric: true },
  SAID: { description: 'Version-1 stories only: a speaker said something about an event or entity. Version 2 records what was said as statements (speaker, words, channel, about), not as relations.', label: 'said about', verbs: ['said', 'say', 'says', 'stated', 'told', 'called', 'described', 'condemned', 'wrote', 'announced', 'praised', 'thanked'] },
  CONDEMNED: { description: 'A person or organisation condemned or denounced an event or act.', label: 'condemned', verbs: ['condemned', 'condemn', 'denounced', 'criticised', 'criticized'] },
  THANKED: { description: 'A person thanked another party for something.', label: 'thanked', verbs: ['thanked', 'thank', 'grateful'] },
  CALLED_FOR: { description: 'A party demanded or called for something (a release, sanctions, reforms), or called on another party.', label: 'called for', verbs: ['called for', 'demanded', 'urged', 'asked for', 'called on', 'pressed'] },
  MET: { description: 'Two parties met.', label: 'met', verbs: ['met', 'meet', 'meeting', 'visited'], symmetric: true },
  SENT_LETTER_TO: { description: 'A person sent or passed a letter to another.', label: 'sent a letter to', verbs: ['letter', 'wrote to', 'sent'] },
  DELIVERED: { description: 'A person carried or passed something (a letter, a message) on behalf of another.', label: 'delivered', verbs: ['delivered', 'passed', 'handed'] },
  GRANTED_SANCTIONS_RELIEF_TO: { description: 'A state lifted or eased sanctions on an organisation or country; with certainty PLANNED, it promised to.', label: 'granted sanctions relief to', verbs: ['sanctions relief', 'lifted sanctions', 'eased sanctions', 'sanctions', 'relief', 'granted', 'grant', 'promised relief'] },
  PARTICIPATED_IN: { description: 'A party took part in an event; `role` says how (organiser, target, defendant, beneficiary, host, mediator) where the article does.', label: 'took part in', verbs: ['participated', 'took part', 'take part', 'takes part', 'joined', 'attended'] },
  OCCURRED_IN: { description: 'An event took place in a place or country.', label: 'took place in', verbs: ['occurred', 'happened', 'took place', 'take place', 'takes place', 'held'] },
  REPORTED_BY: { description: 'A fact, figure or event was reported or shown by a source (news agency, rights group, embassy).', label: 'reported by', verbs: ['reported', 'according to', 'confirmed', 'source'] },
  CONFIRMED: { description: 'A party confirmed an event.', label: 'confirmed', verbs: ['confirmed', 'confirm', 'announced'] },
  SENTENCED_BY: { description: 'A person was convicted or sentenced by a state or court.', label: 'sentenced by', verbs: ['sentenced', 'convicted', 'jailed', 'imprisoned'] },
  IMPRISONED_IN: { description: 'A person was held in a prison or country.', label: 'imprisoned in', verbs: ['imprisoned', 'jailed', 'held', 'detained'] },
  CANDIDATE_IN: { description: 'A person stood as a candidate in an election.', label: 'candidate in', verbs: ['candidate', 'ran', 'stood'] },
  PRECEDED: { description: 'An event came before, and is linked to, another event.', label: 'preceded', verbs: ['before', 'preceded', 'led to', 'earlier', 'after', 'followed'] },
  PART_OF: { description: 'An event, place, organisation or group is part of a larger one of its kind (a section of an embassy, a bureau of a ministry, a sub-group of a group, an episode of an event).', label: 'part of', verbs: ['part of', 'within', 'in', 'section of'], affiliation: true },
  LOCATED_IN: { description: 'A place lies in, or an organisation is based in, a country or larger place.', label: 'located in', verbs: ['located', 'in', 'capital', 'based'] },
  BORDERS: { description: 'Two countries share a border.', label: 'borders', verbs: ['borders', 'border', 'neighbour', 'neighbor', 'neighbouring'], symmetric: true },
  INVADED: { description: 'A country invaded another.', label: 'invaded', verbs: ['invaded', 'invasion', 'attacked'] },
  SUPPORTED: { description: 'A party supported another party or an action by what it did (not a stated intention: that is a statement; not funding: FUNDED_BY).', label: 'supported', verbs: ['supported', 'support', 'backed', 'helped'] },
  AIDED: { description: 'A party gave aid or care to people.', label: 'aided', verbs: ['aided', 'aid', 'helped', 'assisted', 'care', 'humanitarian'] },
  AWARDED: { description: 'A person received a prize or award.', label: 'awarded', verbs: ['awarded', 'won', 'prize', 'winner'] },
  SHOT_DOWN: { description: 'A country shot down aircraft or drones of another.', label: 'shot down', verbs: ['shot down', 'downed'] },
  IN_EXCHANGE_FOR: { description: 'A concession or benefit was given in return for another (sanctions relief in return for a prisoner release).', label: 'given in return for', verbs: ['in return', 'in exchange', 'exchange', 'traded for', 'tied to', 'quid pro quo'] },
  HOLDS: { description: 'A person holds an office (a Position), e.g. a foreign policy chief or a deputy envoy.', label: 'holds', verbs: ['holds', 'held the post', 'serves as', 'office', 'post', 'position'], affiliation: true },
  POSITION_IN: { description: 'An office (a Position) belongs to an organisation or country.', label: 'position in', verbs: ['position in', 'office in', 'post in'], affiliation: true },
  EXPELLED_BY: { description: 'A person or group was expelled from a country, forced to leave it, by its state or authorities (DEPORTED_TO says where to).', label: 'expelled by', verbs: ['expelled', 'expel', 'forced to leave', 'forced out', 'forced into exile', 'deported', 'deport'] },
  ESCORTED: { description: 'A party escorted, walked or took a person or group somewhere (the place in the note, or a TAKEN_TOWARDS / TRANSPORTED_TO relation).', label: 'escorted', verbs: ['escorted', 'escort', 'walked', 'directed across', 'took'] },
  CONDITION_OF: { description: 'One act or event was the condition set for another (leave the country immediately, or no release).', label: 'condition of', verbs: ['condition', 'only if', 'on condition', 'required'] },
  CONFISCATED: { description: 'A party took away documents or belongings from a person or group (the note says what).', label: 'confiscated from', verbs: ['confiscated', 'confiscate', 'seized', 'took away'] },
  ISSUED_DOCUMENTS_TO: { description: 'A party gave identity or travel papers to a person or group.', label: 'issued documents to', verbs: ['issued', 'papers', 'documents', 'gave papers'] },
  TAKEN_TOWARDS: { description: 'A person was taken in the direction of a place; arrival is not stated.', label: 'taken towards', verbs: ['taken towards', 'taken toward', 'in the direction of', 'taken'] },
  REMAINED_IN: { description: 'A person stayed in a place for a time.', label: 'remained for a time in', verbs: ['remained', 'stayed', 'sitting', 'waited'] },
  TRIED_TO_ENTER: { description: 'A person tried to go into a country or place; whether they got there is a separate relation.', label: 'tried to enter', verbs: ['tried to return', 'tried to enter', 'tried to go back', 'attempted'] },
  BLOCKED: { description: 'A party stopped a person from going where they tried to go.', label: 'blocked', verbs: ['blocked', 'block', 'stopped', 'prevented'] },
  RETURNED_TO: { description: 'A person went back into a country or place.', label: 'returned into', verbs: ['returned', 'return', 'went back', 'gone back', 'walked back'] },
  RECOGNISED_AS_REPRESENTATIVE_OF: { description: 'Third parties (e.g. Western governments) recognise a person as the legitimate representative of a country; not the person acting for the state.', label: 'is recognised as representative of', verbs: ['recognised', 'recognized', 'legitimate representative'] },
  FUNDED_BY: { description: 'An organisation is funded by a state or another organisation.', label: 'funded by', verbs: ['funded', 'financed', 'government-funded', 'pays for'] },
  INSTITUTION_OF: { description: 'An organisation is an institution of a country: its national airline, state news agency, security services, ministry or embassy.', label: 'institution of', verbs: ['national airline', 'state news agency', 'embassy of', 'institution'], affiliation: true },
  SEEKS_TIES_WITH: { description: 'A party seeks to mend or improve its relations with another (rapprochement, softening a relationship).', label: 'seeks ties with', verbs: ['mend ties', 'repair relations', 'rapprochement', 'soften', 'outreach', 'seeks ties'] },
  DURING: { description: 'An event took place during another, longer one.', label: 'took place during', verbs: ['during'] },
  PRAISED: { description: 'A party praised another publicly.', label: 'praised', verbs: ['praised', 'praise', 'lauded', 'commended'] },
  OPPOSES: { description: 'A person is a critic or opponent of a ruler, government or policy.', label: 'opposes', verbs: ['opposes', 'critic', 'critics', 'opponent', 'dissident', 'against'] },
  OPERATES_AIRCRAFT_OF: { description: 'An airline\'s fleet includes aircraft made by a manufacturer.', label: 'operates aircraft of', verbs: ['fleet', 'aircraft', 'operates', 'flies'] },
  WANTS_TO_REOPEN: { description: 'A party wants to reopen an institution (an embassy); a wish, usually with certainty PLANNED.', label: 'wants to reopen', verbs: ['reopen', 'reopening', 'wants to reopen'] },
  BROKE_AWAY_FROM: { description: 'A person broke away from those holding or escorting them.', label: 'pulled away from', verbs: ['broke away', 'escaped', 'broke free'] },
} as const satisfies Record<string, RelationTypeInfo>;

export type RelationType = keyof typeof RELATION_TYPES;

export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function isRelationType(value: string): value is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_TYPES, value);
}
