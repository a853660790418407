/**
 * Sends one FuzzRequest exactly as generated (node:http, not fetch: fetch would
 * refuse or repair much of what a hostile client sends) and reads the answer.
 */
import http from 'node:http';
import type { Answer, FuzzRequest } from './fuzz.js';

export interface Sent extends Answer {
  ms: number;
  /** Bytes of the response body received (more than `body` keeps, for a huge answer). */
  size: number;
}

export interface SendOptions {
  agent?: http.Agent;
  /** Give up on an answer after this long. @default 30000 */
  timeoutMs?: number;
  /** Keep at most this much of a response body. @default 1 MiB */
  keepBytes?: number;
}

export function send(base: string, request: FuzzRequest, { agent, timeoutMs = 30_000, keepBytes = 1 << 20 }: SendOptions = {}): Promise<Sent> {
  const url = new URL(base);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let size = 0;
    const done = (answer: Answer) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: performance.now() - started, size });
    };
    const headers: Record<string, string | number> = { ...request.headers };
    const body = request.body && request.method !== 'GET' && request.method !== 'HEAD' ? request.body : undefined;
    if (body && !request.chunked) headers['content-length'] = body.length;
    let req: http.ClientRequest;
    try {
      req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: agent ?? false });
    } catch (err) {
      // Node itself refuses to send it (an invalid header or path): nothing reached the server.
      done({ status: -1, contentType: '', body: '', error: `not sent: ${(err as Error).message}` });
      return;
    }
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        if (size < keepBytes) chunks.push(c);
        size += c.length;
      });
      const finish = () => done({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
      res.on('end', finish);
      // The server may end the connection after answering (413 on a chunked body): the answer stands.
      res.on('error', finish);
      res.on('aborted', finish);
    });
    req.on('error', (err) => done({ status: 0, contentType: '', body: '', error: err.message }));
    if (!body) {
      req.end();
    } else if (!request.chunked) {
      req.end(body);
    } else {
      void writeChunked(req, body);
    }
  });
}

/** Pieces of 16 KiB, each its own chunk, as a slow or streaming client would send them. */
async function writeChunked(req: http.ClientRequest, body: Uint8Array) {
  for (let at = 0; at < body.length; at += 16_384) {
    if (req.destroyed) return;
    if (!req.write(body.subarray(at, at + 16_384))) {
      await new Promise<void>((resolve) => {
        const go = () => {
          req.off('drain', go).off('close', go);
          resolve();
        };
        req.on('drain', go).on('close', go);
      });
    }
  }
  if (!req.destroyed) req.end();
}

/** Runs `work` over items with at most `concurrency` at once, in order of the items. */
export async function pool<T>(items: Iterable<T>, concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let index = 0;
  const worker = async () => {
    for (;;) {
      const next = iterator.next();
      if (next.done) return;
      await work(next.value, index++);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
