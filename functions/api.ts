// AWS Lambda entry: the same app as the local server, behind API Gateway HTTP API or a Function URL.
import { handle } from 'hono/aws-lambda';
import { composeApi } from '../shared/composition-root.js';
import { createApp } from '../shared/http/app.js';

// Module scope: built once per cold start (secrets read once) and reused by every invocation.
export const handler = handle(createApp(await composeApi()));
