/**
 * `npm run user -- …`: users from the command line, for the first admin of a real install and for
 * scripts. Runs beside the console on the same store (RINGSIDE_CONFIG / ringside.config.json names it).
 *
 *   add --email E --name N --role viewer|operator|admin [--cluster ID] [--password-file F] [--reset]
 *       Creates the user (or, with --reset, sets the password and grant of the existing one) and prints
 *       the generated password, unless --password-file gives one. --cluster defaults to every cluster.
 *   demo-admin
 *       The demo's admin (admin@ringside.local, admin of every cluster) with a new password, printed.
 *   --json   prints {"email","password"} instead of prose.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EVERY_CLUSTER, roleSchema } from '@/lib/roles';
import { generatePassword, seedUser } from '@/server/auth/users';

const USAGE = `usage: npm run user -- <command>
  add --email E --name N --role viewer|operator|admin [--cluster ID] [--password-file F] [--reset] [--json]
      creates the user (with --reset, sets the password and grant of the one that exists) and prints the
      generated password, unless --password-file gives one; --cluster defaults to every cluster ('*')
  demo-admin [--json]
      the demo's admin (admin@ringside.local, admin of every cluster) with a new password, printed
The store is the one RINGSIDE_CONFIG (or ringside.config.json) names.`;

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        cluster: { type: 'string', default: EVERY_CLUSTER },
        'password-file': { type: 'string' },
        reset: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`user: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { positionals, values } = parse();

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(2);
}

async function main() {
  const [command] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command === 'demo-admin') {
    const password = generatePassword();
    const email = 'admin@ringside.local';
    await seedUser({
      email,
      name: 'Demo admin',
      password,
      grants: [{ cluster: EVERY_CLUSTER, role: 'admin' }],
      resetIfPresent: true,
    });
    print(email, password, null);
    return;
  }
  if (command !== 'add') fail(USAGE);
  if (!values.email) fail('--email is required');
  const role = roleSchema.safeParse(values.role);
  if (!role.success) fail('--role must be viewer, operator or admin');
  const given = values['password-file'] ? readFileSync(values['password-file'], 'utf8').replace(/\r?\n$/, '') : null;
  const password = given ?? generatePassword();
  const user = await seedUser({
    email: values.email,
    name: values.name ?? values.email.split('@')[0] ?? values.email,
    password,
    grants: [{ cluster: values.cluster, role: role.data }],
    resetIfPresent: values.reset,
  });
  print(user.email, given === null ? password : null, user.created ? 'created' : 'reset');
}

function print(email: string, password: string | null, what: string | null) {
  if (values.json) console.log(JSON.stringify({ email, password }));
  else {
    if (what) console.log(`user ${email} ${what}`);
    if (password !== null) console.log(`password: ${password}   (shown once; \`--reset\` makes a new one)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail((error as Error).message),
);
