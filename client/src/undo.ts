/** The undo stack of view states: each exploring step pushes the state it replaced. */
import type { ViewState } from './url-state.js';

export class UndoHistory {
  private readonly steps: ViewState[] = [];
  constructor(private readonly limit = 100) {}

  push(state: ViewState): void {
    this.steps.push(structuredClone(state));
    if (this.steps.length > this.limit) this.steps.shift();
  }

  pop(): ViewState | null {
    return this.steps.pop() ?? null;
  }

  get size(): number {
    return this.steps.length;
  }
}
