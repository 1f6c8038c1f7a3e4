import { CommonErrors } from '../common/problem/common.errors.js';

/** Coded failures of the widget's pages and files: only the cross-cutting `not_found`, so no codes of its own. */
export const WidgetErrors = {
  /** The demo page, which production does not serve. */
  pageNotFound: () => CommonErrors.notFound('Page'),
  fileNotFound: () => CommonErrors.notFound('Widget file'),
};
