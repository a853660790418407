/**
 * Loads the Cypher statements of one dialect from cypher/<dialect>/*.cypher.
 * Each file holds one statement (schema files may hold several, separated by
 * ";" at the end of a line); the file name without extension is its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

export type Statements = Record<string, string>;

export function readStatements(dialect: 'ladybug' | 'neo4j'): Statements {
  const dir = path.join(CYPHER_ROOT, dialect);
  const out: Statements = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
    out[file.replace(/\.cypher$/, '')] = stripComments(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return out;
}

/** Splits a multi-statement file (schema) into its statements. */
export function splitStatements(text: string): string[] {
  return text.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean);
}

function stripComments(text: string): string {
  return text.split('\n').filter((line) => !line.trim().startsWith('//')).join('\n').trim();
}

/** Returns a statement by name, failing loudly at start-up when a file is missing. */
export function statementsOf(dialect: 'ladybug' | 'neo4j') {
  const all = readStatements(dialect);
  return (name: string): string => {
    const s = all[name];
    if (s === undefined) throw new Error(`Missing Cypher statement cypher/${dialect}/${name}.cypher`);
    return s;
  };
}
