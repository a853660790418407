/**
 * A first guess at how firmly a sentence states its fact, from hedge words
 * (docs/story-format.md, Evidence): "said", "according to" -> ATTRIBUTED to
 * the speaker where a known entity is named as one; "reportedly" ->
 * UNCONFIRMED; "will", "plans" -> PLANNED; else STATED. The curator reviews
 * every guess before it is saved.
 */
import type { Certainty } from '../../domain/types.js';
import type { Mention } from './mentions.js';

export interface CertaintyGuess {
  certainty: Certainty;
  accordingTo?: string;
  /** The hedge word found, for the reviewer. */
  cue?: string;
}

const ACCORDING_TO = / according to /;
const SAID = / (said|says|told|stated|announced|claimed) /;
const UNCONFIRMED = / (reportedly|allegedly|could not immediately confirm|could not confirm|unconfirmed|is said to|was said to|were said to) /;
const PLANNED = / (will|plans|plan to|planned|intends|intend to|is to|are to|expected to) /;

/** `folded` is the folded sentence; `mentions` its known entities, in order. */
export function guessCertainty(folded: string, mentions: readonly Mention[]): CertaintyGuess {
  const padded = ` ${folded} `;
  const according = ACCORDING_TO.exec(padded);
  if (according) {
    const after = mentions.find((m) => m.start >= according.index + according[0].length - 2);
    if (after) return { certainty: 'ATTRIBUTED', accordingTo: after.entity, cue: 'according to' };
  }
  const said = SAID.exec(padded);
  if (said) {
    const at = said.index;
    // The speaker stands next to the verb ("the Guild said", "said Ann Avery"); a name further off may be what was said about.
    const before = [...mentions].reverse().find((m) => m.end <= at + 1 && at + 1 - m.end <= 2);
    const after = mentions.find((m) => m.start >= at + said[0].length - 2 && m.start - (at + said[0].length - 2) <= 2);
    const speaker = before ?? after;
    if (speaker) return { certainty: 'ATTRIBUTED', accordingTo: speaker.entity, cue: said[1] };
    return { certainty: 'UNCONFIRMED', cue: `${said[1]} (no known speaker named)` };
  }
  const hedge = UNCONFIRMED.exec(padded);
  if (hedge) return { certainty: 'UNCONFIRMED', cue: hedge[1] };
  const plan = PLANNED.exec(padded);
  if (plan) return { certainty: 'PLANNED', cue: plan[1] };
  return { certainty: 'STATED' };
}
