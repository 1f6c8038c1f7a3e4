/** Response examples of the reports and curation endpoints (checked against their schemas by test/openapi.spec.ts). */

const REPORT_ID = '2b8f7d4e-1c3a-4f6b-9e2d-7a5c3b1e0f94';
const NDVH = {
  id: '6f1d2c3b-4a5e-4b7c-8d9e-0f1a2b3c4d5e',
  slug: 'national-domestic-violence-hotline',
  name: 'National Domestic Violence Hotline',
  kind: 'hotline',
};

export const REPORT_RECEIPT_EXAMPLES = {
  received: {
    summary: 'Received, open for a curator',
    value: { id: REPORT_ID, resourceId: NDVH.id, reason: 'phone_not_working', status: 'open', createdAt: '2026-12-02T12:00:00.000Z' },
  },
};

export const REPORT_LIST_EXAMPLES = {
  openReports: {
    summary: 'Open reports, newest first',
    value: {
      data: [
        {
          id: REPORT_ID,
          resource: NDVH,
          reason: 'phone_not_working',
          note: 'Rings out every time, three days in a row.',
          status: 'open',
          reporterPartnerId: null,
          suspendsSafetyLine: true,
          createdAt: '2026-12-02T12:00:00.000Z',
          closed: null,
        },
        {
          id: '9a4e2f1b-3c5d-4e6f-8a7b-1c2d3e4f5a6b',
          resource: {
            id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
            slug: 'open-path-collective',
            name: 'Open Path Collective',
            kind: 'online_service',
          },
          reason: 'wrong_fees',
          note: null,
          status: 'dismissed',
          reporterPartnerId: '0e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
          suspendsSafetyLine: false,
          createdAt: '2026-12-01T09:15:00.000Z',
          closed: {
            at: '2026-12-01T16:40:00.000Z',
            partnerId: '7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e',
            keyId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
            reverified: false,
            listingUpdated: false,
            dismissReason: 'listing_correct',
          },
        },
      ],
      page: { limit: 20, nextCursor: null },
    },
  },
};

export const CURATION_STATS_EXAMPLES = {
  stats: {
    summary: 'A directory with a few listings due, one stale safety line and one suspended',
    value: {
      asOf: '2027-06-01T08:00:00.000Z',
      policy: { dueDays: 180, staleDays: 365, safetyLineDueDays: 90, safetyLineStaleDays: 180 },
      listings: {
        total: 75,
        byStatus: { current: 51, due: 23, stale: 1 },
        byKind: [
          { kind: 'online_service', current: 2, due: 6, stale: 0 },
          { kind: 'hotline', current: 46, due: 3, stale: 1 },
          { kind: 'directory', current: 3, due: 14, stale: 0 },
        ],
      },
      reports: {
        open: 4,
        openByReason: [
          { reason: 'phone_not_working', total: 3, underOneDay: 3, oneToSevenDays: 0, overSevenDays: 0 },
          { reason: 'wrong_fees', total: 1, underOneDay: 0, oneToSevenDays: 0, overSevenDays: 1 },
        ],
        last90Days: { closed: 31, medianHours: 18.5 },
      },
      safetyLines: { total: 50, current: 46, due: 3, stale: 1, suspended: 1 },
    },
  },
};
