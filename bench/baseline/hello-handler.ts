// The cold-start baseline: a hello-world Hono Lambda handler that also creates a DynamoDB
// DocumentClient, bundled exactly like Supplyline's API. What the API adds on top is ours.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();
app.get('/', (c) => c.json({ hello: 'world', client: typeof doc.send }));

export const handler = handle(app);
