/** The crawl report and how errors and counts become entries in it. */

import { LaerlingError } from '../errors.js';
import type { CrawlProgress } from './crawl-progress.js';
import type { FetchedPage } from './types.js';

export interface CrawlReport {
  /** Pages fetched (status 2xx, HTML), keyed by canonical URL. */
  pages: FetchedPage[];
  /** URLs (as keyed in options.previous) the server reported unchanged with a 304. */
  unchanged: string[];
  /**
   * Pages of the previous crawl (as keyed in options.previous) still queued when this one stopped
   * (its page budget ran out, or it was aborted): not checked, so their last copies stay.
   */
  notReached: string[];
  skipped: { url: string; reason: string }[];
  failed: { url: string; code: string; message: string }[];
  startedAt: string;
  finishedAt: string;
}

/** A report with nothing in it yet, started (and, until a crawl says otherwise, finished) at `at`. */
export function emptyReport(at: Date): CrawlReport {
  return { pages: [], unchanged: [], notReached: [], skipped: [], failed: [], startedAt: at.toISOString(), finishedAt: at.toISOString() };
}

/** A report entry for an error thrown while fetching `url`. */
export function failure(url: string, error: unknown): CrawlReport['failed'][number] {
  if (error instanceof LaerlingError) return { url, code: error.code, message: error.message };
  return { url, code: 'FETCH_FAILED', message: error instanceof Error ? error.message : String(error) };
}

/** A progress snapshot from the report so far. */
export function progressOf(report: CrawlReport, queued: number, inFlight: number, elapsedMs: number): CrawlProgress {
  const done = report.pages.length + report.unchanged.length;
  return {
    indexed: report.pages.length,
    unchanged: report.unchanged.length,
    skipped: report.skipped.length,
    failed: report.failed.length,
    queued,
    inFlight,
    elapsedMs,
    pagesPerSecond: elapsedMs > 0 ? (done * 1000) / elapsedMs : 0,
  };
}
