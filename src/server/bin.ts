// `vitrine-live`: run the live server, or mint a role token.
//   vitrine-live serve                                  (PORT, VITRINE_SECRET, VITRINE_ORIGINS, REDIS_URL)
//   vitrine-live token --role host --show spring-drop [--name "Anna"] [--sub anna] [--ttl 12h]
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../live/protocol.js';
import { parseDuration } from './options.js';
import { createLiveServer } from './server.js';
import { mintToken } from './tokens.js';

const USAGE = `Usage:
  vitrine-live serve
      Starts the live server. Environment: PORT (default 3030), VITRINE_SECRET (signs role
      tokens), VITRINE_ORIGINS (comma-separated page origins, or *), REDIS_URL (several nodes),
      VITRINE_RATE_LIMIT (messages/seconds, default 20/30), VITRINE_MAX_LENGTH (default 200),
      VITRINE_BLOCKED_WORDS (comma-separated).
  vitrine-live token --role <viewer|moderator|host> --show <id> [--name <name>] [--sub <id>] [--ttl <12h|30m|3600>]
      Prints a token signed with VITRINE_SECRET.
`;

async function token(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, show: { type: 'string' }, name: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
  });
  const secret = process.env['VITRINE_SECRET'];
  if (!secret) {
    console.error('VITRINE_SECRET is not set: tokens are signed with it, and the server checks them with it.');
    return 1;
  }
  if (!values.role || !(ROLES as readonly string[]).includes(values.role) || !values.show) {
    console.error(USAGE);
    return 1;
  }
  const expiresIn = values.ttl ? parseDuration(values.ttl) : undefined;
  if (values.ttl && !expiresIn) {
    console.error(`--ttl must look like 12h, 30m, 45s, 2d or a number of seconds; got "${values.ttl}"`);
    return 1;
  }
  console.log(
    await mintToken({
      secret,
      role: values.role as Role,
      show: values.show,
      ...(values.name ? { name: values.name } : {}),
      ...(values.sub ? { sub: values.sub } : {}),
      ...(expiresIn ? { expiresIn } : {}),
    }),
  );
  return 0;
}

async function serve(): Promise<void> {
  const server = await createLiveServer();
  console.log(`vitrine-live ${server.url} (node ${server.node}, state: ${server.state.kind})`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      void server.close().then(() => process.exit(0));
    });
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') await serve();
    else if (command === 'token') process.exitCode = await token(rest);
    else {
      console.log(USAGE);
      process.exitCode = command === undefined || command === '--help' || command === 'help' ? 0 : 1;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
