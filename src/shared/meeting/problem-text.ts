// What the schedule dialog says beside a field whose value checkMeeting() refused. Wording comes
// from the caller's t(), as in invitation.ts, so this stays free of chrome.i18n.
import type { Translate } from './invitation.js';
import type { MeetingFormProblem } from './schedule-input.js';

/** A time on the rep's clock with its zone's short name ("1:30 AM EDT"), so both overlap choices differ. */
function clockTime(instant: string, timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, options);
  } catch {
    format = new Intl.DateTimeFormat(undefined, options);
  }
  return format.format(new Date(instant)).replace(/[\u00a0\u2009\u202f]/g, ' ');
}

export function meetingProblemText(
  problem: MeetingFormProblem,
  t: Translate,
  timeZone: string,
  locale: string,
): string {
  switch (problem.code) {
    case 'invalidDate':
      return t('meetingProblemInvalidDate');
    case 'invalidTime':
      return t('meetingProblemInvalidTime');
    case 'invalidTimeZone':
      return t('meetingProblemInvalidTimeZone', timeZone);
    case 'inPast':
      return t('meetingProblemInPast');
    case 'dstGap':
      return t('meetingProblemDstGap', timeZone, clockTime(problem.suggestedUtc, timeZone, locale));
    case 'dstOverlap':
      return t(
        'meetingProblemDstOverlap',
        timeZone,
        clockTime(problem.earlierUtc, timeZone, locale),
        clockTime(problem.laterUtc, timeZone, locale),
      );
    case 'durationOutOfBounds':
      return t('meetingProblemDuration', String(problem.min), String(problem.max));
    case 'invalidEmail':
      return t('meetingProblemInvalidEmail');
    case 'subjectEmpty':
      return t('meetingProblemSubjectEmpty');
    case 'subjectTooLong':
      return t('meetingProblemSubjectTooLong', String(problem.max));
    case 'notesTooLong':
      return t('meetingProblemNotesTooLong', String(problem.max));
  }
}
