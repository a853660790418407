/** The view state's round trip through the URL (client/src/url-state.ts). */
import { decodeState, encodeState, EMPTY_STATE, type ViewState } from '../../client/src/url-state.js';

const full: ViewState = {
  scope: 'none',
  added: ['gitanas-nauseda', 'odd,id%with'],
  expanded: [
    { id: 'belarus', pages: 1 },
    { id: 'release-of-52-prisoners-2025', pages: 3 },
  ],
  hidden: ['russia'],
  hiddenKinds: ['PLACE', 'COUNTRY'],
  hiddenTypes: ['SAID', 'PRECEDED'],
  range: { from: '2020-09', to: '2025-09-11' },
  selection: { type: 'edge', id: 'released-prisoners.deported_to.lithuania' },
  article: { id: '001_eccc57a8f53e1c8d', quote: 'Belarus released and expelled 52 political prisoners to Lithuania' },
  question: 'Who brokered the release?',
  path: { from: 'gitanas-nauseda', to: 'maria-kolesnikova' },
  tab: 'table',
  positions: { 'gitanas-nauseda': { x: 120, y: -45 }, 'odd@id': { x: 0, y: 3 } },
  viewport: { zoom: 0.8312, pan: { x: 402.5, y: -17 } },
  sizeBy: 'betweenness',
};

describe('encodeState / decodeState', () => {
  it('encodes the empty state as an empty query string', () => {
    expect(encodeState(EMPTY_STATE)).toBe('');
    expect(decodeState('')).toEqual(EMPTY_STATE);
  });

  it('round-trips every part of the state', () => {
    expect(decodeState(encodeState(full))).toEqual(full);
    expect(decodeState(`?${encodeState(full)}`)).toEqual(full);
  });

  it('writes short, readable keys', () => {
    const q = new URLSearchParams(encodeState(full));
    expect(q.get('sel')).toBe('e:released-prisoners.deported_to.lithuania');
    expect(q.get('expand')).toBe('belarus,release-of-52-prisoners-2025*3');
    expect(q.get('nokind')).toBe('PLACE,COUNTRY');
    expect(q.get('dates')).toBe('2020-09..2025-09-11');
    expect(q.get('path')).toBe('gitanas-nauseda,maria-kolesnikova');
    expect(q.get('q')).toBe('Who brokered the release?');
  });

  it('reads a node selection', () => {
    expect(decodeState('sel=n:belarus').selection).toEqual({ type: 'node', id: 'belarus' });
  });

  it('drops what is malformed instead of throwing', () => {
    const s = decodeState('scope=weird&nokind=PLACE,ALIEN&notype=said,SAID&dates=yesterday..today&sel=x:1&path=only-one&expand=a*0,b*999,,c&q=%20%20&add=%E0%A4%A');
    expect(s.scope).toBe('all');
    expect(s.hiddenKinds).toEqual(['PLACE']);
    expect(s.hiddenTypes).toEqual(['SAID']);
    expect(s.range).toBeNull();
    expect(s.selection).toBeNull();
    expect(s.path).toBeNull();
    expect(s.expanded).toEqual([
      { id: 'a', pages: 1 },
      { id: 'b', pages: 40 },
      { id: 'c', pages: 1 },
    ]);
    expect(s.question).toBeNull();
    expect(s.added).toEqual([]);
  });

  it('keeps an article without a quote', () => {
    expect(decodeState('article=003_be641e94f7ec2c34').article).toEqual({ id: '003_be641e94f7ec2c34', quote: null });
  });

  it('bounds long questions and lists', () => {
    const s = decodeState(new URLSearchParams({ q: 'x'.repeat(2000), hide: Array.from({ length: 900 }, (_, i) => `n${i}`).join(',') }).toString());
    expect(s.question).toHaveLength(500);
    expect(s.hidden).toHaveLength(500);
  });
});
