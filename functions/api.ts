// AWS Lambda entry: the same app as the local server, behind API Gateway HTTP API or a Function URL.
import { handle } from 'hono/aws-lambda';
import { loadRuntimeEnv } from '../shared/config/env.js';
import { createApp } from '../shared/http/app.js';
import { buildDeps } from '../shared/http/build-deps.js';

// Module scope: built once per cold start and reused by every invocation of this instance.
const app = createApp(buildDeps(loadRuntimeEnv()));

export const handler = handle(app);
