// AWS Lambda entry: the same app as the local server, behind API Gateway HTTP API or a Function URL.
import { handle } from 'hono/aws-lambda';
import { loadRuntimeEnv } from '../shared/config/env.js';
import { loadSecrets } from '../shared/config/load-secrets.js';
import { createApp } from '../shared/http/app.js';
import { buildDeps } from '../shared/http/build-deps.js';

// Module scope: built once per cold start (secrets read once) and reused by every invocation.
const env = loadRuntimeEnv();
const app = createApp(buildDeps(env, { secrets: await loadSecrets(env) }));

export const handler = handle(app);
