# The explorer's image: Node 20, the server compiled by tsc (as `npm start`
# does) and the page built once here rather than on first start.
# Used by docker-compose.yml; works alone too:
#   docker build -t story-graph-explorer .
#   docker run -p 4000:4000 story-graph-explorer                      (embedded LadybugDB)
#   docker run -p 4000:4000 -e GRAPH_STORE=neo4j -e NEO4J_URI=... -e NEO4J_PASSWORD=... story-graph-explorer

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The page (client/dist) is built with Vite, a dev dependency, so here.
RUN if [ -f client/index.html ]; then cd client && node ../node_modules/vite/bin/vite.js build --logLevel warn; fi \
 && mkdir -p client/dist
# The server, compiled to dist/ (typescript is a dev dependency, so here too).
RUN npm run build:server --silent

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
COPY --from=build /app/client/dist ./client/dist
COPY --from=build /app/dist ./dist
# The embedded store writes under .data/; nothing else is written at run time.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Already compiled: run it (npm start would compile first, and tsc is not in this stage), with the
# V8 heap options the configuration gives (server/node-flags.ts), and two malloc arenas (README, Configuration), as npm start does.
CMD ["sh", "-c", "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} exec node $(node dist/server/node-flags.js) --enable-source-maps dist/server/main.js"]
