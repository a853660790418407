import { LocatableText } from '../../server/store/full-text/locate.js';
import { splitSentences } from '../../server/store/full-text/sentences.js';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitting an article into sentences', () => {
  it('does not split after an initialism or a title, even before a capital', () => {
    expect(sentencesOf('A senior U.S. envoy met him. Then the U.S. State Department said no. Mr. Coale left.')).toEqual([
      'A senior U.S. envoy met him.',
      'Then the U.S. State Department said no.',
      'Mr. Coale left.',
    ]);
  });

  it('keeps a closing quotation mark and what follows it with its sentence', () => {
    expect(sentencesOf('“Why?” he asked. “It was forced deportation,” she said.')).toEqual(['“Why?” he asked.', '“It was forced deportation,” she said.']);
  });

  it('keeps a quotation of several sentences whole, and a list number with its item', () => {
    expect(sentencesOf('“No man left behind! 52 prisoners crossed today,” he wrote. Next.')).toEqual(['“No man left behind! 52 prisoners crossed today,” he wrote.', 'Next.']);
    expect(sentencesOf('Advice:\n1. Secure proof of identity.\n2. Speak to the authorities.')).toEqual(['Advice:', '1. Secure proof of identity.', '2. Speak to the authorities.']);
  });

  it('ends a sentence at a line break, even after an abbreviation', () => {
    expect(sentencesOf('BREAKING: Deal brokered by the U.S.\n\n– help replacing passports\n– legal aid')).toEqual([
      'BREAKING: Deal brokered by the U.S.',
      '– help replacing passports',
      '– legal aid',
    ]);
  });

  it('gives offsets that slice the text exactly, without surrounding whitespace', () => {
    const text = '  First one.   Second one at 5 p.m. in Minsk.\n\nThird.  ';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one at 5 p.m. in Minsk.', 'Third.']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThan(spans[i - 1]!.end);
  });
});

describe('locating a quote in its article', () => {
  it('finds a quote whose whitespace, quotation marks and dashes differ from the article, at the article’s own offsets', () => {
    const text = 'He said:\n“We   welcome their release – but it is a trade.”  End.';
    const span = new LocatableText(text).locate('"We welcome their release - but it is a trade."');
    expect(span).not.toBeNull();
    expect(text.slice(span!.start, span!.end)).toBe('“We   welcome their release – but it is a trade.”');
  });

  it('says null for words the article does not hold', () => {
    expect(new LocatableText('Something else entirely.').locate('not here')).toBeNull();
  });
});
