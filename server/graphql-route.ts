/**
 * The way in for GraphQL requests, in front of express. Measured with
 * autocannon on the seed story, a cached read through express's request
 * and response wrappers and router reached half of a bare Yoga hello-world,
 * and the same Yoga on a plain Node server all of it: the API's requests
 * are the hot path, the page's files are not. So a GraphQL request gets the
 * same security headers, CORS answer and body limit as every other request
 * (the same helmet and cors middleware, which need only Node's request and
 * response), then goes straight to Yoga; everything else, GraphiQL's HTML
 * and every request while a rate limit is on goes through express.
 */
import http from 'node:http';

/** A connect-style middleware over Node's own request and response. */
export type NodeMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void) => void;
export type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface GraphQLRouteOptions {
  /** Run in order before GraphQL: security headers, CORS, body limit. */
  before: NodeMiddleware[];
  graphql: Listener;
  /** Everything else (and GraphQL when `direct` is false). */
  fallback: Listener;
  /** False while a rate limit is on: express-rate-limit needs express's request. */
  direct: boolean;
  path?: string;
}

export function graphQLRoute({ before, graphql, fallback, direct, path = '/graphql' }: GraphQLRouteOptions): Listener {
  if (!direct) return fallback;
  return (req, res) => {
    if (!isGraphQL(req, path)) {
      fallback(req, res);
      return;
    }
    let i = 0;
    const next = (err?: unknown) => {
      if (err) {
        failed(res, err);
        return;
      }
      const step = before[i++];
      if (step) step(req, res, next);
      else graphql(req, res);
    };
    next();
  };
}

/** `/graphql` or `/graphql?…`, except a browser asking for GraphiQL's page (express sets its looser policy). */
export function isGraphQL(req: http.IncomingMessage, path: string): boolean {
  const url = req.url ?? '';
  if (!(url === path || url.startsWith(`${path}?`))) return false;
  return !(req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html'));
}

function failed(res: http.ServerResponse, err: unknown) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: status === 500 ? 'Internal server error.' : String((err as Error).message), extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] }));
}
