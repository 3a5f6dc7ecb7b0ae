import { loadConfig } from '@rhip/config';
import { buildApp } from './app';
import { createAuthService } from './modules/auth/auth-service';

/** Listens, creates the first admin if missing, and closes gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const app = await buildApp({ config });
  await createAuthService({ db: app.db, config }).ensureAdmin().then(
    (created) => created && app.log.info({ username: config.ADMIN_USERNAME }, 'first admin account created'),
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting, finish in-flight requests, close pools and queues.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
