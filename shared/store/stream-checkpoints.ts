/** How far the reader has come in one shard of the table's stream. */
export interface ShardCheckpoint {
  /** The last record handed over and acknowledged; absent: start at the oldest record kept. */
  sequenceNumber?: string;
  /** The shard is closed and every record in it was handled: its children may be read. */
  finished: boolean;
}

/**
 * Where the stream reader resumes. Saved only after the handler acknowledged a batch, so a batch
 * is handed over again after a failure or a restart (at least once), never skipped. Kept in
 * memory for now; a persisted store (a table record per shard) plugs in behind the same two calls.
 */
export interface StreamCheckpoints {
  load(shardId: string): Promise<ShardCheckpoint | undefined>;
  save(shardId: string, checkpoint: ShardCheckpoint): Promise<void>;
}

export function memoryCheckpoints(): StreamCheckpoints {
  const shards = new Map<string, ShardCheckpoint>();
  return {
    async load(shardId) {
      return shards.get(shardId);
    },
    async save(shardId, checkpoint) {
      shards.set(shardId, checkpoint);
    },
  };
}
