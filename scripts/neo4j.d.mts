/** Types of scripts/neo4j.mjs, for the tests that start their own Neo4j. */
export interface LocalNeo4j {
  /** bolt://127.0.0.1:PORT, once Neo4j accepts connections. */
  uri: string;
  /** Stops Neo4j (SIGTERM) and resolves with its exit code once it has shut down. */
  stop: () => Promise<number>;
  exited: Promise<number>;
  pid: number;
}
export function startNeo4j(options?: { temp?: boolean; data?: string; port?: number | string; password?: string; onLine?: (line: string) => void }): Promise<LocalNeo4j>;
export function buildLauncher(options?: { log?: (line: string) => void }): void;
