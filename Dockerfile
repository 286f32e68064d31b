# syntax=docker/dockerfile:1
# Multi-stage image: install, build (Next standalone output), then a slim
# runtime with only the standalone server, run as a non-root user.
# Not built on the development machines (no Docker engine there): see README.

FROM node:22-bookworm-slim AS base
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app

FROM base AS deps
COPY package.json package-lock.json ./
# Exactly the committed lockfile (it holds every platform's optional @next/swc-* entry).
RUN npm ci --no-audit --no-fund

FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Writes .next/standalone with .next/static and public/ copied in, our server's
# src/http/ and src/runtime/ .mjs files, and cms-server.mjs, which starts it
# (answers /api/v1 from memory, hands the rest to Next), beside Next's server.js.
RUN node scripts/node-task.mjs scripts/build.ts

FROM base AS runtime
ENV NODE_ENV=production \
    TZ=Europe/Stockholm \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
RUN groupadd --system --gid 1001 cms \
 && useradd --system --uid 1001 --gid cms --home /app cms \
 && mkdir -p /data \
 && chown cms:cms /data
COPY --from=build --chown=cms:cms /app/.next/standalone ./
USER cms
VOLUME ["/data"]
EXPOSE 3000
# /api/health answers 200 only after a round trip to the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# On start the server connects Payload (src/instrumentation.ts), which applies
# pending SQLite migrations before the first request, as every command does
# (src/database/); MongoDB needs none.
CMD ["node", "cms-server.mjs"]
