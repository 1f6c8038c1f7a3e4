import { Extensions1764086400000 } from './1764086400000-extensions.js';
import { Directory1764090000000 } from './1764090000000-directory.js';
import { Intake1764093600000 } from './1764093600000-intake.js';
import { LocationEarthPoint1764097200000 } from './1764097200000-location-earth-point.js';
import { Partners1795624610196 } from './1795624610196-partners.js';
import { Referrals1795625101729 } from './1795625101729-referrals.js';
import { ScheduledJobRun1795627000000 } from './1795627000000-scheduled-job-run.js';
import { ResourceAudit1795630000000 } from './1795630000000-resource-audit.js';
import { CandidateOrderIndex1795632000000 } from './1795632000000-candidate-order-index.js';
import { SecurityHardening1795640000000 } from './1795640000000-security-hardening.js';
import { SafetyRouting1796100000000 } from './1796100000000-safety-routing.js';
import { MatchingWords1796200000000 } from './1796200000000-matching-words.js';
import { DirectoryChangeFeed1796300000000 } from './1796300000000-directory-change-feed.js';
import { ListingClaims1796416000000 } from './1796416000000-listing-claims.js';
import { Accessibility1796500000000 } from './1796500000000-accessibility.js';
import { FreshnessAndReports1796600000000 } from './1796600000000-freshness-and-reports.js';
import { ResourceTranslations1796700000000 } from './1796700000000-resource-translations.js';

/** Every migration in order; listed explicitly so compiled code, ts-jest and scripts load the same set. */
export const MIGRATIONS = [
  Extensions1764086400000,
  Directory1764090000000,
  Intake1764093600000,
  LocationEarthPoint1764097200000,
  Partners1795624610196,
  Referrals1795625101729,
  ScheduledJobRun1795627000000,
  ResourceAudit1795630000000,
  CandidateOrderIndex1795632000000,
  SecurityHardening1795640000000,
  SafetyRouting1796100000000,
  MatchingWords1796200000000,
  DirectoryChangeFeed1796300000000,
  ListingClaims1796416000000,
  Accessibility1796500000000,
  FreshnessAndReports1796600000000,
  ResourceTranslations1796700000000,
];
