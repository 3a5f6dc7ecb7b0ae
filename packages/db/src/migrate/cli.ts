// Migrations without Prisma's native engine (see ../shared/ENVIRONMENT.md).
//   deploy             apply pending prisma/migrations (npm run migrate)
//   new <name>         author a migration from schema.prisma (npm run db:migration -- <name>)
//   new <name> --empty an empty migration.sql for hand-written SQL
import { loadConfig } from '@rhip/config';
import { applyMigrations, createMigration } from './migrations';

const usage = 'usage: cli.ts deploy | new <name> [--empty]';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { DATABASE_URL } = loadConfig();
  const log = (message: string) => console.log(`migrate: ${message}`);
  switch (command) {
    case 'deploy': {
      const applied = await applyMigrations(DATABASE_URL, { log });
      log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
      return 0;
    }
    case 'new': {
      const name = rest.find((a) => !a.startsWith('--'));
      if (!name) {
        console.error(usage);
        return 2;
      }
      await createMigration(DATABASE_URL, name, { log, empty: rest.includes('--empty') });
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`migrate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
