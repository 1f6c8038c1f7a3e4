import { Module } from '@nestjs/common';

import { DirectoryChangePruneJob } from './directory-change-prune.job.js';
import { DirectoryChangeRepository } from './directory-index/directory-change.repository.js';

/**
 * The directory's scheduled retention, for the HTTP application only (AppModule): CLI contexts
 * import ResourcesModule without a scheduler, and must not purge on the side.
 */
@Module({ providers: [DirectoryChangeRepository, DirectoryChangePruneJob] })
export class DirectoryRetentionModule {}
