/**
 * The details of the selection: an entity (kind, names, summary, figures with
 * their sources, relations by type), a relation (both ends and every quote
 * with its article), or an article with the quoted passage highlighted.
 */
import { h, kindSwatch } from './dom.js';
import { formatFigure, groupClaims, groupRelations, splitAtQuote, splitStatements } from './evidence.js';
import { articleButton, evidenceList } from './quote-list.js';
import type { Article, EntityDetail, EntityNode, RelationDetail, Statement } from './queries.js';
import { statementList } from './statements-view.js';
import { kindLook } from './style.js';

export { evidenceList } from './quote-list.js';

export interface DetailActions {
  selectNode(id: string): void;
  selectEdge(id: string): void;
  openArticle(id: string, quote: string | null): void;
  closeArticle(): void;
  expand(id: string): void;
  showMore(id: string): void;
  collapse(id: string): void;
  hide(id: string): void;
  focus(id: string): void;
  /** Pin (keep in place) or unpin a node. */
  pin(id: string, on: boolean): void;
  pathFrom(entity: EntityNode): void;
  pathTo(entity: EntityNode): void;
}

export interface EntityContext {
  onCanvas: boolean;
  expanded: boolean;
  /** Neighbours "show more" would add. */
  more: number;
  /** Its neighbourhood came back cut at the page's fetch limit (a hub of thousands). */
  cut?: boolean;
  /** Neighbours not on the canvas now. */
  hiddenNeighbours: number;
  /** The user pinned it where it is. */
  pinned?: boolean;
}

export function entityView(e: EntityDetail, ctx: EntityContext, act: DetailActions): HTMLElement {
  const look = kindLook(e.kind);
  const groups = groupRelations(e.id, e.relations);
  const claims = groupClaims(e.claims);
  const said = splitStatements(e.statements ?? [], e.statementsAbout ?? []);
  return h(
    'article',
    { class: 'details', 'aria-labelledby': 'details-title' },
    h('p', { class: 'kind-line' }, kindSwatch(look.shape, look.colour, 16), h('span', {}, look.label), e.date ? h('span', { class: 'date' }, ` · ${e.date}`) : null, h('span', { class: 'muted' }, ` · ${e.degree} relations`)),
    h('h2', { id: 'details-title', tabindex: '-1' }, e.name),
    e.aliases.length ? h('p', { class: 'aliases' }, h('span', { class: 'muted' }, 'Also: '), e.aliases.join(' · ')) : null,
    e.summary ? h('p', { class: 'summary' }, e.summary) : null,
    h(
      'div',
      { class: 'actions', role: 'group', 'aria-label': 'Explore from this node' },
      ctx.expanded && ctx.more > 0
        ? h('button', { type: 'button', 'data-action': 'more', 'data-focus': 'more', onclick: () => act.showMore(e.id) }, `Show ${Math.min(ctx.more, 25)} more`)
        : h('button', { type: 'button', 'data-action': 'expand', 'data-focus': 'expand', onclick: () => act.expand(e.id), title: 'Add this node’s neighbours to the view (double-click a node does the same)' }, ctx.hiddenNeighbours > 0 ? `Expand (+${ctx.hiddenNeighbours})` : 'Expand'),
      h('button', { type: 'button', 'data-action': 'collapse', 'data-focus': 'collapse', onclick: () => act.collapse(e.id), title: 'Fold away the neighbours this node brought in, or that hang only from it' }, 'Collapse'),
      h('button', { type: 'button', 'data-action': 'hide', 'data-focus': 'hide', onclick: () => act.hide(e.id), disabled: !ctx.onCanvas }, 'Hide'),
      h('button', { type: 'button', 'data-action': 'pin', 'data-focus': 'pin', 'aria-pressed': String(Boolean(ctx.pinned)), onclick: () => act.pin(e.id, !ctx.pinned), disabled: !ctx.onCanvas, title: 'Keep this node where it is' }, ctx.pinned ? 'Unpin' : 'Pin'),
      h('button', { type: 'button', 'data-action': 'focus', 'data-focus': 'focus', onclick: () => act.focus(e.id), title: 'Show only this node and its neighbours' }, 'Focus'),
      h('button', { type: 'button', 'data-action': 'path-from', 'data-focus': 'path-from', onclick: () => act.pathFrom(e) }, 'Path from'),
      h('button', { type: 'button', 'data-action': 'path-to', 'data-focus': 'path-to', onclick: () => act.pathTo(e) }, 'Path to'),
    ),
    ctx.expanded && ctx.cut ? h('p', { class: 'muted', 'data-role': 'cut' }, `Its neighbours are drawn from the first ones fetched, not all of its ${e.degree.toLocaleString('en-GB')} relations: search for a name to reach the rest.`) : null,
    claims.length
      ? section(
          'Figures',
          claims.map((g) =>
            h(
              'div',
              { class: `claim${g.conflicting ? ' conflicting' : ''}` },
              h('h4', {}, g.measure, g.conflicting ? h('span', { class: 'flag' }, 'sources disagree') : null),
              h(
                'div',
                { class: 'figures' },
                g.figures.map((c) =>
                  h('div', { class: 'figure' }, h('p', { class: 'value' }, c.qualifier ? h('span', { class: 'qualifier' }, `${c.qualifier} `) : null, formatFigure(c.value)), evidenceList(c.evidence, act, true)),
                ),
              ),
            ),
          ),
        )
      : null,
    section(
      `Relations (${e.relations.length})`,
      groups.length
        ? groups.map((g) =>
            h(
              'div',
              { class: 'rel-group' },
              h('h4', {}, g.outgoing ? '' : h('span', { class: 'muted' }, '← '), g.outgoing ? g.label : g.label.replace(/ \(incoming\)$/, ''), h('span', { class: 'count' }, g.relations.length)),
              h(
                'ul',
                { class: 'rel-list' },
                g.relations.map((r) => {
                  const other = r.from.id === e.id ? r.to : r.from;
                  const sources = new Set(r.evidence.map((x) => x.article.id)).size;
                  return h(
                    'li',
                    {},
                    g.outgoing ? null : h('button', { type: 'button', class: 'entity-link', onclick: () => act.selectNode(other.id) }, other.name),
                    g.outgoing ? null : h('span', { class: 'muted' }, ` ${r.label} this`),
                    g.outgoing ? h('button', { type: 'button', class: 'entity-link', onclick: () => act.selectNode(other.id) }, other.name) : null,
                    r.date ? h('span', { class: 'muted' }, ` · ${r.date}`) : null,
                    h('button', { type: 'button', class: 'evidence-link', 'data-edge': r.id, onclick: () => act.selectEdge(r.id), title: 'Show the quotes' }, `${sources} source${sources === 1 ? '' : 's'}`),
                  );
                }),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No relations.'),
    ),
    said.made.length ? section(`Said by ${e.name} (${said.made.length})`, statementList(said.made, act, e.id, `Statements by ${e.name}`)) : null,
    said.about.length ? section(`Said about ${e.name} (${said.about.length})`, statementList(said.about, act, e.id, `Statements about ${e.name}`)) : null,
    e.evidence.length ? section(`In the articles (${e.evidence.length})`, evidenceList(e.evidence, act, false)) : null,
    e.mentionedIn.length ? section('Mentioned in', h('ul', { class: 'articles' }, e.mentionedIn.map((a) => h('li', {}, articleButton(a, null, act))))) : null,
  );
}

/**
 * A relation and its quotes. A SAID edge (drawn from statements) lists the
 * statements behind it, each with its chain, instead of bare quotes.
 */
export function relationView(r: RelationDetail, act: DetailActions, statements: readonly Statement[] = []): HTMLElement {
  const articles = new Set(r.evidence.map((e) => e.article.id)).size;
  return h(
    'article',
    { class: 'details' },
    h('p', { class: 'kind-line' }, h('span', {}, 'Relation'), h('span', { class: 'muted' }, ` · ${r.type}`)),
    h(
      'h2',
      { class: 'relation-title', id: 'details-title', tabindex: '-1' },
      endButton(r.from, act),
      h('span', { class: 'rel-label' }, ` ${r.label} `),
      endButton(r.to, act),
    ),
    h('p', { class: 'muted' }, [r.date ? `Dated ${r.date}. ` : '', `${r.evidence.length} quote${r.evidence.length === 1 ? '' : 's'} from ${articles} article${articles === 1 ? '' : 's'}.`]),
    r.note ? h('p', { class: 'summary' }, r.note) : null,
    statements.length
      ? section(`Statements (${statements.length})`, statementList(statements, act, null, `What ${r.from.name} said about ${r.to.name}`))
      : section('Evidence', evidenceList(r.evidence, act, false)),
  );
}

export function articleView(a: Article, quote: string | null, act: DetailActions): HTMLElement {
  const cut = splitAtQuote(a.text, quote);
  const body = cut ? [cut.before, h('mark', { id: 'quoted', tabindex: '-1' }, cut.quote), cut.after] : [a.text];
  return h(
    'article',
    { class: 'details article-view' },
    h('button', { type: 'button', class: 'link back', onclick: () => act.closeArticle() }, '← Back'),
    h('p', { class: 'kind-line' }, h('span', {}, 'Article'), a.source ? h('span', { class: 'muted' }, ` · ${a.source}`) : null),
    h('h2', { id: 'details-title', tabindex: '-1' }, a.title),
    a.url ? h('p', {}, h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, 'Read at the source ↗')) : null,
    quote && !cut ? h('p', { class: 'muted' }, 'The quoted passage could not be found verbatim in this text.') : null,
    h('div', { class: 'article-text' }, body),
  );
}

function section(title: string, ...content: (HTMLElement | HTMLElement[] | null)[]): HTMLElement {
  return h('section', { class: 'section' }, h('h3', {}, title), content);
}

function endButton(e: EntityNode, act: DetailActions): HTMLElement {
  const look = kindLook(e.kind);
  return h('button', { type: 'button', class: 'entity-link end', onclick: () => act.selectNode(e.id) }, kindSwatch(look.shape, look.colour, 14), e.name);
}
