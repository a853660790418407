/**
 * npm run story -- COMMAND ...: curate a story folder from the shell, in
 * batches. The same workspace as the curator's GraphQL mutations: every
 * change validated as the seed validates, written atomically, logged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/config.js';
import { DomainError, InvalidStory } from '../server/domain/errors.js';
import type { ChangeInput } from '../server/curation/change-input.js';
import type { Suggestion } from '../server/curation/queue.js';
import { accept, reject, suggest } from '../server/curation/review.js';
import { StoryWorkspace } from '../server/curation/workspace.js';

const HELP = `Usage: npm run story -- COMMAND [arguments] [--story DIR] [--who NAME]

Curates a story folder (DIR/data/*.json, DIR/articles/*.txt; default seed/).
Every change is validated as npm run seed validates it, written atomically,
and logged in DIR/curation/changes.jsonl. A running server picks the files up
on SIGHUP or restart.

Commands:
  add-article FILE --title T --source S --published YYYY-MM-DD [--url U]
                     add a plain-text article; prints its id
  suggest ARTICLE_ID queue suggestions for an article; prints the queue
  queue              print the pending suggestions
  accept N [--edit JSON]
                     apply suggestion N (or the edited change, same op)
  reject N           drop suggestion N
  change JSON        apply one change ({"op":"addAlias","entity":"x","alias":"y"} ...)
  log                print the change log
  undo               undo the newest change not yet undone

Options:
  --story DIR        the story folder (default seed/)
  --who NAME         who is curating, for the log (default the user name)
  -h, --help         this text`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      story: { type: 'string' },
      who: { type: 'string' },
      title: { type: 'string' },
      source: { type: 'string' },
      published: { type: 'string' },
      url: { type: 'string' },
      edit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const ws = new StoryWorkspace(path.resolve(values.story ?? path.join(PROJECT_ROOT, 'seed')));
  const who = `cli:${values.who ?? os.userInfo().username}`;
  const need = (what: string) => {
    if (!arg) throw new UsageError(`${command} needs ${what}. See npm run story -- --help.`);
    return arg;
  };
  switch (command) {
    case 'add-article': {
      const file = need('a FILE (a plain-text article)');
      if (!fs.existsSync(file)) throw new UsageError(`add-article: no file ${file}.`);
      const saved = await ws.change({ op: 'addArticle', article: { text: fs.readFileSync(file, 'utf8'), title: values.title, source: values.source, published: values.published, ...(values.url ? { url: values.url } : {}) } }, { who });
      console.log(`Revision ${saved.revision}: ${saved.entry.what}`);
      console.log(saved.id);
      return 0;
    }
    case 'suggest': {
      printQueue(await suggest(ws, need('an ARTICLE_ID')));
      return 0;
    }
    case 'queue':
      printQueue(ws.reviewQueue().items.filter((s) => s.status === 'pending'));
      return 0;
    case 'accept': {
      const edited = values.edit ? (JSON.parse(values.edit) as ChangeInput) : undefined;
      const saved = await accept(ws, number(need('a suggestion number N')), { who }, edited);
      console.log(`Revision ${saved.revision}: ${saved.entry.what}`);
      return 0;
    }
    case 'reject': {
      const s = await reject(ws, number(need('a suggestion number N')));
      console.log(`Rejected ${s.id}: ${s.label}`);
      return 0;
    }
    case 'change': {
      const saved = await ws.change(JSON.parse(need('a JSON change')), { who });
      console.log(`Revision ${saved.revision}: ${saved.entry.what}`);
      return 0;
    }
    case 'log':
      for (const e of ws.log()) console.log(`${String(e.revision).padStart(4)}  ${e.at}  ${e.who.padEnd(14)}  ${e.what}`);
      return 0;
    case 'undo': {
      const saved = await ws.undo({ who });
      console.log(`Revision ${saved.revision}: ${saved.entry.what}`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}". See npm run story -- --help.`);
  }
}

class UsageError extends Error {}

function number(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`"${text}" is not a suggestion number (1, 2, ...).`);
  return n;
}

function printQueue(items: Suggestion[]) {
  if (items.length === 0) console.log('Nothing waiting for review.');
  for (const s of items) console.log(`${String(s.id).padStart(4)}  ${s.kind.padEnd(8)}  ${s.label}\n        "${s.sentence.length > 120 ? `${s.sentence.slice(0, 117)}...` : s.sentence}"`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof InvalidStory) console.error(`story: the change was refused; nothing was written.\n${err.message}`);
    else if (err instanceof DomainError || err instanceof UsageError || err instanceof SyntaxError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`story: ${(err as Error).message}`);
    else console.error(`story: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
