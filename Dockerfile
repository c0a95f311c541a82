# The API and the dashboard, built once; compose.yaml runs several of these behind a proxy.
FROM node:20-bookworm-slim AS construccion
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/datos
WORKDIR /app
COPY --from=construccion /app/package.json ./
COPY --from=construccion /app/node_modules node_modules
COPY --from=construccion /app/dist dist
RUN mkdir /datos && chown node:node /datos
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
