import { Injectable } from '@nestjs/common';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { DirectoryChangeRepository } from './directory-index/directory-change.repository.js';

/** How long the directory change log is kept: far longer than any instance lags or any write stays open. */
export const DIRECTORY_CHANGE_RETENTION_MS = 86_400_000;

/**
 * Deletes directory change log rows older than a day; hourly, on one instance. An instance that
 * had not read them yet (stopped for a day) rebuilds its index instead of missing them.
 */
@Injectable()
export class DirectoryChangePruneJob extends RetentionJob {
  constructor(changes: DirectoryChangeRepository) {
    super('prune-directory-changes', 'old directory changes', () =>
      changes.pruneChangesBefore(new Date(Date.now() - DIRECTORY_CHANGE_RETENTION_MS)),
    );
  }
}
