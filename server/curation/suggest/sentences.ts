/**
 * An article cut into sentences, each a verbatim slice of the text (so it
 * can be a quote as it stands). A full stop after a title or an initial
 * ("Mr.", "J.") does not end a sentence; a line break always does.
 */
export interface Sentence {
  text: string;
  start: number;
}

const NOT_AN_END = /\b(Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Rev|Jr|Sr|No|vs|etc|[A-Z])\.$/;

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: start + lead });
  };
  let start = 0;
  const ends = /[.!?]["”’)]*(?=\s)|\n/g;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n' && NOT_AN_END.test(text.slice(start, m.index + 1))) continue;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
