# syntax=docker/dockerfile:1
# Multi-stage image of the FinOps Platform backend serving the built app.
#   docker build -t finops-platform .
# The runtime stage runs as the unprivileged `node` user with the production
# configuration; every secret arrives as an environment variable.

ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# 1. Only the package manifests, so the dependency layer is cached until one
#    of them (or the lockfile) changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY packages packages
COPY plugins plugins
RUN find packages plugins -mindepth 2 -maxdepth 2 \! -name package.json -exec rm -rf {} \+

# 2. Install, type-check and build the backend bundle (which builds the app
#    and our plugins it depends on).
FROM ${NODE_IMAGE} AS build
RUN apt-get update && \
    apt-get install -y --no-install-recommends python3 g++ make && \
    rm -rf /var/lib/apt/lists/*
USER node
WORKDIR /app
COPY --chown=node:node .yarn ./.yarn
COPY --chown=node:node .yarnrc.yml package.json yarn.lock backstage.json ./
COPY --from=manifests --chown=node:node /src ./
RUN --mount=type=cache,target=/home/node/.cache/yarn,sharing=locked,uid=1000,gid=1000 \
    yarn install --immutable
COPY --chown=node:node . .
RUN yarn tsc && yarn --cwd packages/backend build
RUN mkdir packages/backend/dist/skeleton packages/backend/dist/bundle && \
    tar xzf packages/backend/dist/skeleton.tar.gz -C packages/backend/dist/skeleton && \
    tar xzf packages/backend/dist/bundle.tar.gz -C packages/backend/dist/bundle

# 3. Runtime: production dependencies and the bundle, nothing else.
FROM ${NODE_IMAGE}
RUN apt-get update && \
    apt-get install -y --no-install-recommends python3 g++ make libsqlite3-dev && \
    rm -rf /var/lib/apt/lists/*
USER node
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build --chown=node:node /app/.yarn ./.yarn
COPY --from=build --chown=node:node /app/.yarnrc.yml /app/yarn.lock /app/backstage.json ./
COPY --from=build --chown=node:node /app/packages/backend/dist/skeleton/ ./
RUN --mount=type=cache,target=/home/node/.cache/yarn,sharing=locked,uid=1000,gid=1000 \
    yarn workspaces focus --all --production && rm -rf "$(yarn cache clean)"
COPY --from=build --chown=node:node /app/packages/backend/dist/bundle/ ./
COPY --chown=node:node app-config.yaml app-config.production.yaml ./
EXPOSE 7007
# Prometheus metrics (src/instrumentation.js, FINOPS_METRICS_PORT).
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:7007/.backstage/health/v1/liveness').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--require", "./packages/backend/src/instrumentation.js", "packages/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml"]
