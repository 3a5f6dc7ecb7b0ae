# One image for api, worker and the one-shot migrate/seed job; the command
# picks the role. Built from the repository root: docker build -t rhip .
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN npm i -g pnpm@10
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY packages/config/package.json packages/config/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/logger/package.json packages/logger/
COPY packages/pii/package.json packages/pii/
COPY prisma/package.json prisma/
COPY tools tools
COPY scripts scripts
RUN pnpm install --frozen-lockfile --ignore-scripts

FROM deps AS build
COPY . .
RUN node scripts/prisma-generate.mjs && pnpm --filter @rhip/web run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:3000/healthz || exit 1
CMD ["node", "--import", "tsx", "apps/api/src/server.ts"]
