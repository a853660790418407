/**
 * What the user can do, each as: fetch what the step needs, run its pure
 * producer (steps.ts), apply the new state. Shared by the panel, the toolbar,
 * the context menu and the keyboard.
 */
import type { DetailActions } from './details-panel.js';
import { describe } from './api.js';
import type { Explorer } from './explorer.js';
import type { FindingActions } from './findings-panel.js';
import type { EntityNode, PassageHit, Subgraph } from './queries.js';
import * as step from './steps.js';

export type Actions = ReturnType<typeof createActions>;

export function createActions(x: Explorer) {
  const push = (next: Parameters<Explorer['apply']>[0], o: { fresh?: boolean } = {}) => x.apply(next, { history: 'push', ...o });
  const replace = (next: Parameters<Explorer['apply']>[0]) => x.apply(next, { history: 'replace' });

  const actions = {
    /** Search, timeline and panel links: bring the entity in if needed, centre and select it. */
    async choose(entity: EntityNode): Promise<void> {
      x.remember([entity]);
      const next = step.choose(x.state, entity.id, x.onScene(entity.id));
      const changesScene = next.added !== x.state.added || next.hidden.length !== x.state.hidden.length;
      await (changesScene ? push(next) : replace(next));
      x.view.centreOn(entity.id);
    },

    /** A sentence from the search: its article opened at it, the entities it mentions brought in and selected. */
    async openPassage(p: PassageHit): Promise<void> {
      const [main] = p.entities;
      if (!main) return;
      x.remember(p.entities);
      // The one it is most about chosen last: it holds the selection the link keeps.
      let next = x.state;
      for (const e of [...p.entities].reverse()) next = step.choose(next, e.id, x.onScene(e.id));
      await push(step.openArticle(next, p.article.id, p.text));
      const ids = p.entities.map((e) => e.id);
      x.view.selectMany(ids);
      x.setMulti(ids.length > 1 ? ids : []);
      x.view.centreOn(main.id);
    },

    async expand(id: string): Promise<void> {
      document.body.dataset.busy = 'true';
      let g: Subgraph;
      try {
        g = await x.neighbourhood(id);
      } catch (err) {
        x.notice(describe(err));
        document.body.dataset.busy = 'false';
        return;
      }
      const before = x.scene.subgraph.nodes.length;
      await push(step.expand(x.state, id, g));
      const added = x.scene.subgraph.nodes.length - before;
      x.notice(expandNotice(added, x.scene.more.get(id) ?? 0, x.scene.cut.has(id) ? { fetched: g.nodes.length - 1, degree: g.nodes.find((n) => n.id === id)?.degree ?? 0 } : null));
    },

    /** Expands along one relation type (the context menu). */
    async expandType(id: string, type: string): Promise<void> {
      const g = await x.neighbourhood(id).catch((err: unknown) => (x.notice(describe(err)), null));
      if (g) await push(step.expandType(x.state, id, type, g));
    },

    /** Expands every node of the multi-selection. */
    async expandMany(ids: readonly string[]): Promise<void> {
      document.body.dataset.busy = 'true';
      const results = await Promise.allSettled(ids.map((id) => x.neighbourhood(id)));
      const neighbourhoods = new Map<string, Subgraph>();
      results.forEach((r, i) => r.status === 'fulfilled' && neighbourhoods.set(ids[i]!, r.value));
      await push(step.expandAll(x.state, ids, neighbourhoods));
    },

    async showMore(id: string): Promise<void> {
      const g = await x.neighbourhood(id);
      await push(step.showMore(x.state, id, g));
    },

    async collapse(id: string): Promise<void> {
      const before = x.scene.subgraph.nodes.length;
      await push(step.collapse(x.state, id, x.sources()));
      const removed = before - x.scene.subgraph.nodes.length;
      x.notice(removed ? `Folded away ${removed} node${removed === 1 ? '' : 's'}. Back brings them back.` : 'Nothing to collapse: every neighbour is linked to something else too.');
    },

    hide(ids: readonly string[]): void {
      void push(step.hide(x.state, ids)).then(() => x.setMulti([]));
    },

    focus(id: string): void {
      void push(step.focus(x.state, id), { fresh: true });
    },

    pin(id: string, on: boolean): void {
      const at = x.view.positions().get(id);
      if (on && at) void push(step.move(x.state, { [id]: at }));
      else if (!on) void push(step.unpin(x.state, [id]));
    },

    ask(question: string): void {
      const next = step.ask(x.state, question);
      if (next !== x.state) void push(next);
    },

    findPath(from: EntityNode, to: EntityNode): void {
      x.remember([from, to]);
      x.controls.setPathEnds(from, to);
      void push(step.findPath(x.state, from.id, to.id));
    },

    pathFrom(e: EntityNode): void {
      x.controls.setPathEnds(e, x.controls.pathEnds().to);
      const to = x.controls.pathEnds().to;
      if (to && to.id !== e.id) actions.findPath(e, to);
      else x.notice(`Path from ${e.name}: now choose where to (the “To” box, or “Path to” on another node).`);
    },

    pathTo(e: EntityNode): void {
      x.controls.setPathEnds(x.controls.pathEnds().from, e);
      const from = x.controls.pathEnds().from;
      if (from && from.id !== e.id) actions.findPath(from, e);
      else x.notice(`Path to ${e.name}: now choose where from.`);
    },

    selectNode(id: string): void {
      const known = x.names.get(id);
      if (known) return void actions.choose(known);
      x.api.entityNode(id).then(
        (e) => (e ? actions.choose(e) : x.notice(`No entity “${id}” in the graph.`)),
        (err) => x.notice(describe(err)),
      );
    },

    selectEdge(id: string): void {
      void replace(step.select(x.state, { type: 'edge', id })).then(() => x.view.centreOn(id));
    },

    clearResults(): void {
      x.controls.setPathEnds(null, null);
      void push(step.clearPath(step.clearAnswer(x.state)));
    },
  };

  const details: DetailActions = {
    selectNode: actions.selectNode,
    selectEdge: actions.selectEdge,
    openArticle: (id, quote) => void replace(step.openArticle(x.state, id, quote)),
    closeArticle: () => void replace(step.closeArticle(x.state)),
    expand: (id) => void actions.expand(id),
    showMore: (id) => void actions.showMore(id),
    collapse: (id) => void actions.collapse(id),
    hide: (id) => actions.hide([id]),
    focus: (id) => actions.focus(id),
    pin: (id, on) => actions.pin(id, on),
    pathFrom: actions.pathFrom,
    pathTo: actions.pathTo,
  };

  const findings: FindingActions = {
    selectNode: actions.selectNode,
    selectEdge: actions.selectEdge,
    openArticle: details.openArticle,
    ask: actions.ask,
    clearAnswer: () => void push(step.clearAnswer(x.state)),
    clearPath: () => {
      x.controls.setPathEnds(null, null);
      void push(step.clearPath(x.state));
    },
  };

  return { ...actions, details, findings, push, replace };
}

/**
 * What an expand says: how many came in, how many "Show more" still adds, and, when the
 * neighbourhood was cut at the page's fetch limit, that the rest is beyond it (a hub of thousands).
 */
export function expandNotice(added: number, more: number, cut: { fetched: number; degree: number } | null): string {
  const head = added > 0 ? `Added ${added} neighbour${added === 1 ? '' : 's'}` : 'Every neighbour was already in view';
  const next = more ? `; ${more.toLocaleString('en-GB')} more with “Show more”` : '';
  if (!cut) return `${head}${next}.`;
  return `${head}${next}, of the first ${cut.fetched.toLocaleString('en-GB')} fetched: it has ${cut.degree.toLocaleString('en-GB')} relations in all. Search for a name to reach the rest.`;
}
