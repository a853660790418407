/**
 * A story folder on disk (data/*.json + articles/*.txt, the curated format)
 * from an in-memory Story: lets the fault cases run the real `npm run seed`
 * over a story big enough that a kill lands in the middle of its load.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Story } from '../../server/domain/types.js';
import type { StoryDirs } from '../../server/domain/story/read-story.js';

export function writeStoryFolder(dir: string, story: Story): StoryDirs {
  const dirs = { data: path.join(dir, 'data'), articles: path.join(dir, 'articles') };
  fs.mkdirSync(dirs.data, { recursive: true });
  fs.mkdirSync(dirs.articles, { recursive: true });
  for (const a of story.articles) fs.writeFileSync(path.join(dirs.articles, `${a.id}.txt`), a.text);
  const file = {
    entities: story.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.date ? { date: e.date } : {}),
      evidence: e.evidence,
    })),
    relations: story.relations.map((r) => ({
      id: r.id,
      from: r.from,
      type: r.type,
      to: r.to,
      ...(r.date ? { date: r.date } : {}),
      evidence: r.evidence,
    })),
  };
  fs.writeFileSync(path.join(dirs.data, 'story.json'), JSON.stringify(file));
  return dirs;
}
