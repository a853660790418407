import { FullText } from '../../server/store/full-text/full-text.js';
import type { PassageStory } from '../../server/store/full-text/passage-index.js';

const storyOf = (text: string): PassageStory => ({ articles: [{ id: 'a', text }], entities: [], relations: [] });

describe('the full-text index beside a store', () => {
  it('answers from the index a load committed, and a later load replaces it', async () => {
    const fullText = new FullText({ scan: async () => storyOf('') });
    fullText.commit(fullText.prepare(storyOf('The harbour was closed.')), 'v1');
    expect((await fullText.find('v1', 'harbour')).map((p) => p.text)).toEqual(['The harbour was closed.']);
    fullText.commit(fullText.prepare(storyOf('The bridge was opened.')), 'v2');
    expect(await fullText.find('v2', 'harbour')).toEqual([]);
    expect((await fullText.find('v2', 'bridge')).map((p) => p.text)).toEqual(['The bridge was opened.']);
  });

  it('builds from one scan of the stored graph when it holds another version, shared by concurrent searches', async () => {
    let scans = 0;
    const fullText = new FullText({ scan: async () => (scans++, storyOf('Stored words about a ferry.')) });
    const [a, b] = await Promise.all([fullText.find('stored', 'ferry'), fullText.find('stored', 'ferry')]);
    expect(a.map((p) => p.text)).toEqual(['Stored words about a ferry.']);
    expect(b).toEqual(a);
    await fullText.find('stored', 'words');
    expect(scans).toBe(1);
  });

  it('keeps the index of a load that committed while a scan of the older graph was running', async () => {
    let release!: () => void;
    const fullText = new FullText({ scan: () => new Promise((resolve) => (release = () => resolve(storyOf('Old words.')))) });
    const stale = fullText.find('old', 'words');
    fullText.commit(fullText.prepare(storyOf('New words.')), 'new');
    release();
    await stale;
    expect((await fullText.find('new', 'words')).map((p) => p.text)).toEqual(['New words.']);
  });

  it('tries the scan again after it failed', async () => {
    let fail = true;
    const fullText = new FullText({
      scan: async () => {
        if (fail) throw new Error('database not ready');
        return storyOf('Ready now.');
      },
    });
    await expect(fullText.find('v', 'ready')).rejects.toThrow('database not ready');
    fail = false;
    expect((await fullText.find('v', 'ready')).map((p) => p.text)).toEqual(['Ready now.']);
  });
});
