// `npm run key:create -- --role admin --org <id> [--org-name "..."] [--label "..."] [--shelters a,b|*] [--pickup-points x,y|*]`
// Bootstraps a key straight into the table named by TABLE_NAME (or the running `npm start`'s): the
// first admin key of a new deployment cannot come from the API, which needs a key to call.
// Every role but admin must name its scope (`--pickup-points` for volunteers, `--shelters` for
// coordinators and logistics), `*` meaning all: there is no default.
import { parseArgs } from 'node:util';
import { composeStores } from '../shared/composition-root.js';
import { loadEnv, tableEnvSchema } from '../shared/config/env.js';
import { roleSchema } from '../shared/domain/api-key.js';
import { slugSchema } from '../shared/domain/slug.js';
import { ConflictError, ValidationError } from '../shared/errors/app-errors.js';
import { createApiKey } from '../shared/usecases/create-api-key.js';
import { createOrganization } from '../shared/usecases/create-organization.js';
import { useLocalTableIfRunning } from './lib/local-endpoint.js';

const usage =
  'usage: npm run key:create -- --role admin|coordinator|volunteer|logistics --org <org-id> [--org-name <name>] [--label <text>] [--shelters id,id|*] [--pickup-points id,id|*]';

function list(value: string | undefined): '*' | string[] | undefined {
  if (value === undefined || value === '*') return value;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      'org-name': { type: 'string' },
      label: { type: 'string' },
      shelters: { type: 'string' },
      'pickup-points': { type: 'string' },
    },
  });
  const role = roleSchema.safeParse(values.role);
  const org = slugSchema.safeParse(values.org);
  if (!role.success || !org.success) throw new Error(usage);

  useLocalTableIfRunning();
  const stores = composeStores(loadEnv(tableEnvSchema));
  const actor = { keyId: 'cli-bootstrap' };
  const now = () => new Date();
  // A new deployment has no organisation yet: create it so the first admin key has one.
  if ((await stores.organizations.get(org.data)) === undefined) {
    try {
      await createOrganization({ id: org.data, name: values['org-name'] ?? org.data }, actor, {
        stores,
        now,
      });
      process.stderr.write(`created organisation "${org.data}"\n`);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  const shelterIds = list(values.shelters);
  const pickupPointIds = list(values['pickup-points']);
  const named = shelterIds !== undefined || pickupPointIds !== undefined;
  const { record, apiKey } = await createApiKey(
    {
      role: role.data,
      orgId: org.data,
      label: values.label ?? `${role.data} key created from the command line`,
      ...(named ? { scope: { shelterIds, pickupPointIds } } : {}),
    },
    actor,
    { stores, now },
  );
  process.stderr.write(
    `created ${record.role} key ${record.id} for "${record.orgId}"; the secret is shown once:\n`,
  );
  process.stdout.write(`${apiKey}\n`);
}

/** A refused key names what to send, e.g. `scope.pickupPointIds: name the pickup points ...`. */
function describe(err: unknown): string {
  if (err instanceof ValidationError)
    return `${err.message} ${err.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
  return err instanceof Error ? err.message : String(err);
}

main().catch((err: unknown) => {
  process.stderr.write(`key:create: ${describe(err)}\n`);
  process.exit(1);
});
