import type { FormError } from '../../api/userErrors';
import { checkDateAnswer } from '../../govuk/dateAnswer';
import type { DateParts } from '../../govuk/DateInput';
import type { SeriesInput } from './sessionsApi';

export const seriesFields = [
  'listingId',
  'pattern',
  'firstDate',
  'lastDate',
  'count',
  'startTime',
  'endTime',
  'places',
  'staff',
  'groupRatio',
  'minAge',
  'maxAge',
  'opensDaysBefore',
  'closesHoursBefore',
  'price',
  'freeCancellationHours',
  'chargeAt',
] as const;
export type SeriesField = (typeof seriesFields)[number];

/** The questions about the n-th closure or changed date, which a provider adds as needed. */
export type ChangeField =
  | `closure-${number}-${'from' | 'to' | 'reason'}`
  | `exception-${number}-${'date' | 'kind' | 'newDate' | 'startTime' | 'endTime'}`;
export type SeriesFormField = SeriesField | ChangeField;

export type ClosureAnswers = { from: DateParts; to: DateParts; reason: string };
export type ExceptionAnswers = {
  date: DateParts;
  kind: '' | 'CANCELLED' | 'MOVED';
  newDate: DateParts;
  startTime: string;
  endTime: string;
};

export type SeriesAnswers = {
  listingId: string;
  pattern: string;
  firstDate: DateParts;
  lastDate: DateParts;
  count: string;
  startTime: string;
  endTime: string;
  endsNextDay: boolean;
  places: string;
  staff: string;
  groupRatio: string;
  minAge: string;
  maxAge: string;
  opensDaysBefore: string;
  closesHoursBefore: string;
  price: string;
  freeCancellationHours: string;
  chargeAt: 'ATTENDANCE' | 'SESSION_START';
  closures: ClosureAnswers[];
  exceptions: ExceptionAnswers[];
};

const blankDate = { day: '', month: '', year: '' };

export const emptySeriesAnswers: SeriesAnswers = {
  listingId: '',
  pattern: '',
  firstDate: blankDate,
  lastDate: blankDate,
  count: '',
  startTime: '16:00',
  endTime: '18:00',
  endsNextDay: false,
  places: '8',
  staff: '2',
  groupRatio: '4',
  minAge: '5',
  maxAge: '18',
  opensDaysBefore: '60',
  closesHoursBefore: '24',
  price: '0',
  freeCancellationHours: '48',
  chargeAt: 'ATTENDANCE',
  closures: [],
  exceptions: [],
};

export const emptyClosure: ClosureAnswers = { from: blankDate, to: blankDate, reason: '' };
export const emptyException: ExceptionAnswers = {
  date: blankDate,
  kind: '',
  newDate: blankDate,
  startTime: '',
  endTime: '',
};

const numberFields = {
  places: 'Enter the number of places',
  staff: 'Enter the number of staff on shift',
  groupRatio: 'Enter how many children one member of staff supports',
  minAge: 'Enter the youngest age',
  maxAge: 'Enter the oldest age',
  opensDaysBefore: 'Enter how many days before a session booking opens',
  closesHoursBefore: 'Enter how many hours before a session booking closes',
  freeCancellationHours: 'Enter how many hours before a session cancelling is free',
} as const;

/** "£12.50", "12.5" or "12" in pounds, as whole pence; null when it is not an amount. */
export function penceFromPounds(answer: string): number | null {
  const match = /^£?\s*(\d{1,6})(?:\.(\d{1,2}))?$/.exec(answer.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The answers as the API takes them, or the questions to put right first. */
export function parseSeries(
  answers: SeriesAnswers,
): { input: SeriesInput } | { errors: FormError<SeriesFormField>[] } {
  const errors: FormError<SeriesFormField>[] = [];
  if (!answers.listingId)
    errors.push({ field: 'listingId', message: 'Choose the service and place' });
  if (!answers.pattern)
    errors.push({ field: 'pattern', message: 'Choose how often the sessions run' });
  const first = checkDateAnswer(answers.firstDate, 'First date');
  if ('error' in first) errors.push({ field: 'firstDate', message: first.error });
  else if (!first.value) errors.push({ field: 'firstDate', message: 'Enter the first date' });
  const repeats = answers.pattern !== '' && answers.pattern !== 'ONE_OFF';
  const last = repeats ? checkDateAnswer(answers.lastDate, 'Last date') : { value: null };
  if ('error' in last) errors.push({ field: 'lastDate', message: last.error });
  const count = repeats && answers.count.trim() ? Number(answers.count.trim()) : null;
  if (count !== null && !Number.isInteger(count)) {
    errors.push({ field: 'count', message: 'Number of sessions must be a whole number' });
  }
  const numbers: Partial<Record<keyof typeof numberFields, number>> = {};
  for (const [field, message] of Object.entries(numberFields) as [
    keyof typeof numberFields,
    string,
  ][]) {
    const text = answers[field].trim();
    if (!/^\d+$/.test(text))
      errors.push({ field, message: text ? `${message} as a whole number` : message });
    else numbers[field] = Number(text);
  }
  const pricePence = penceFromPounds(answers.price);
  if (pricePence === null) {
    errors.push({
      field: 'price',
      message: 'Enter the price in pounds and pence, like 12.50, or 0 if it is free',
    });
  }
  const changes = repeats ? parseChanges(answers, errors) : { closures: [], exceptions: [] };
  if (errors.length > 0) return { errors };
  const firstDate = 'value' in first && first.value ? first.value : '';
  const lastDate = 'value' in last ? last.value : null;
  return {
    input: {
      listingId: answers.listingId,
      schedule: {
        pattern: answers.pattern,
        firstDate,
        lastDate,
        count,
        startTime: answers.startTime.trim(),
        endTime: answers.endTime.trim(),
        endsNextDay: answers.endsNextDay,
        ...changes,
      },
      terms: {
        places: numbers.places ?? 0,
        staff: numbers.staff ?? 0,
        groupRatio: numbers.groupRatio ?? 1,
        minAge: numbers.minAge ?? 0,
        maxAge: numbers.maxAge ?? 0,
        opensDaysBefore: numbers.opensDaysBefore ?? 0,
        closesHoursBefore: numbers.closesHoursBefore ?? 0,
        pricePence: pricePence ?? 0,
        freeCancellationHours: numbers.freeCancellationHours ?? 0,
        chargeAt: answers.chargeAt,
      },
    },
  };
}

/** A required date among the closures and changed dates: its value, or its problem noted. */
function requiredDate(
  answer: DateParts,
  name: string,
  field: ChangeField,
  errors: FormError<SeriesFormField>[],
): string {
  const checked = checkDateAnswer(answer, name);
  if ('error' in checked) errors.push({ field, message: checked.error });
  else if (!checked.value) errors.push({ field, message: `Enter the ${name.toLowerCase()}` });
  return 'value' in checked ? (checked.value ?? '') : '';
}

/** The closures and changed dates as the API takes them; their problems go in `errors`. */
function parseChanges(
  answers: SeriesAnswers,
  errors: FormError<SeriesFormField>[],
): Pick<SeriesInput['schedule'], 'closures' | 'exceptions'> {
  const closures = answers.closures.map((closure, index) => ({
    from: requiredDate(closure.from, 'First day closed', `closure-${index}-from`, errors),
    to: requiredDate(closure.to, 'Last day closed', `closure-${index}-to`, errors),
    reason: closure.reason.trim(),
  }));
  const exceptions = answers.exceptions.map((change, index) => {
    const date = requiredDate(
      change.date,
      'Date in the pattern',
      `exception-${index}-date`,
      errors,
    );
    if (!change.kind) {
      errors.push({
        field: `exception-${index}-kind`,
        message: 'Choose whether the session is cancelled or moves',
      });
    }
    if (change.kind !== 'MOVED') return { date, movedTo: null };
    const movedDate = requiredDate(
      change.newDate,
      'New date',
      `exception-${index}-newDate`,
      errors,
    );
    for (const part of ['startTime', 'endTime'] as const) {
      if (!change[part].trim()) {
        errors.push({
          field: `exception-${index}-${part}`,
          message: part === 'startTime' ? 'Enter the new start time' : 'Enter the new end time',
        });
      }
    }
    return {
      date,
      movedTo: {
        date: movedDate,
        startTime: change.startTime.trim(),
        endTime: change.endTime.trim(),
      },
    };
  });
  return { closures, exceptions };
}

/** The closure or changed-date question an API error's path (after "schedule") is about. */
function changeFieldOf([list, index, part, movedPart]: readonly string[]): ChangeField | null {
  if (!index || !/^\d+$/.test(index)) return null;
  const n = Number(index);
  if (list === 'closures' && (part === 'from' || part === 'to' || part === 'reason')) {
    return `closure-${n}-${part}`;
  }
  if (list !== 'exceptions') return null;
  if (part === 'date') return `exception-${n}-date`;
  if (part !== 'movedTo') return null;
  if (movedPart === 'date') return `exception-${n}-newDate`;
  return movedPart === 'startTime' || movedPart === 'endTime'
    ? `exception-${n}-${movedPart}`
    : `exception-${n}-kind`;
}

/** Where an API error about the input belongs on the form. */
export function seriesFieldOf(path: readonly string[]): SeriesFormField | null {
  const [group, name] = path;
  if (group === 'schedule' && (name === 'closures' || name === 'exceptions')) {
    return changeFieldOf(path.slice(1));
  }
  if (group === 'terms' && name === 'pricePence') return 'price';
  const field = (group === 'schedule' || group === 'terms' ? name : group) as SeriesField;
  return seriesFields.includes(field) ? field : null;
}
