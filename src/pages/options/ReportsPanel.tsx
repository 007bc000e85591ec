// "Create Glance reports": the administrator picks one of the org's report folders, and this page
// (reports/create.ts) makes the Glance reports there through the Analytics REST API, with the
// browser's own session of the admin's Salesforce tab (admin-salesforce.ts says why not the worker). Each report links to its page in Salesforce.
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import {
  type CreateReportsResult,
  REPORT_MESSAGE,
  type ReportFolder,
  type ReportsProblem,
} from '../../shared/reports.js';
import { adminSalesforce } from './admin-salesforce.js';
import { createGlanceReports, reportFolders } from './reports/create.js';

/** What stood in the way, as the org check says it; Salesforce's own words where it refused. */
const PROBLEM_MESSAGE: Partial<Record<ReportsProblem, MessageKey>> = {
  'no-salesforce-tab': 'orgCheckNoTab',
  'session-expired': 'orgCheckBySession',
  'session-not-for-api': 'orgCheckBySessionNotForApi',
  'api-blocked': 'orgCheckByApiDisabled',
  'daily-limit': 'orgCheckByDailyLimit',
  unavailable: 'orgCheckByUnavailable',
};

function problemText(problem: ReportsProblem, detail: string): string {
  const key = PROBLEM_MESSAGE[problem];
  if (key) return t(key);
  return detail ? t('reportsRefused', detail) : t('orgCheckByUnavailable');
}

type Step =
  | { at: 'idle' }
  | { at: 'loading' }
  | { at: 'choose'; folders: ReportFolder[]; folderId: string }
  | { at: 'creating' }
  | { at: 'done'; result: CreateReportsResult }
  | { at: 'problem'; text: string };

export function ReportsPanel() {
  const [step, setStep] = useState<Step>({ at: 'idle' });

  async function loadFolders() {
    setStep({ at: 'loading' });
    try {
      const { pageUrl, ports, storeId } = await adminSalesforce();
      const view = await reportFolders(pageUrl, ports, storeId);
      if (!view.ok) setStep({ at: 'problem', text: problemText(view.problem, view.detail) });
      else if (view.folders.length === 0) setStep({ at: 'problem', text: t('reportsNoFolders') });
      else setStep({ at: 'choose', folders: view.folders, folderId: view.folders[0]?.id ?? '' });
    } catch {
      setStep({ at: 'problem', text: t('orgCheckByUnavailable') });
    }
  }

  async function create(folderId: string) {
    setStep({ at: 'creating' });
    try {
      const { pageUrl, ports, storeId } = await adminSalesforce();
      const result = await createGlanceReports(pageUrl, folderId, ports, storeId);
      setStep({ at: 'done', result });
    } catch {
      setStep({ at: 'problem', text: t('orgCheckByUnavailable') });
    }
  }

  const busy = step.at === 'loading' || step.at === 'creating';
  const result = step.at === 'done' ? step.result : undefined;
  const status =
    step.at === 'loading'
      ? t('reportsLoadingFolders')
      : step.at === 'creating'
        ? t('reportsCreating')
        : step.at === 'problem'
          ? step.text
          : result
            ? result.ok
              ? t('reportsDone', result.apiHost)
              : problemText(result.problem, result.detail)
            : '';

  return (
    <section class="card" aria-labelledby="reports-heading" data-testid="glance-reports">
      <h2 id="reports-heading">{t('reportsHeading')}</h2>
      <p class="hint">{t('reportsIntro')}</p>
      <div class="row">
        <button type="button" class="btn brand" disabled={busy || step.at === 'choose'} onClick={loadFolders}>
          {t('reportsButton')}
        </button>
        <p role="status" class="grow" data-testid="reports-status">
          {status}
        </p>
      </div>
      {step.at === 'choose' && (
        <div class="row">
          <div class="field grow">
            <label for="report-folder">{t('reportsFolder')}</label>
            <select
              id="report-folder"
              value={step.folderId}
              onChange={(e) => setStep({ ...step, folderId: e.currentTarget.value })}
            >
              {step.folders.map((folder) => (
                <option key={folder.id} value={folder.id}>
                  {folder.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="btn brand" onClick={() => create(step.folderId)}>
            {t('reportsCreate')}
          </button>
          <button type="button" class="btn" onClick={() => setStep({ at: 'idle' })}>
            {t('cancel')}
          </button>
        </div>
      )}
      {result && result.reports.length > 0 && (
        <ul class="recent" aria-labelledby="reports-heading" data-testid="reports-list">
          {result.reports.map((report) => (
            <li key={report.key} data-report={report.key} data-created={String(report.created)}>
              <div class="status-line">
                <a
                  href={report.url}
                  target="_blank"
                  rel="noopener"
                  aria-label={`${t(REPORT_MESSAGE[report.key])} ${t('opensInNewTab')}`}
                >
                  {t(REPORT_MESSAGE[report.key])}
                </a>
                <span class="notice ok">{report.created ? t('reportCreated') : t('reportExisting')}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
