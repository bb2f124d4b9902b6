import { BadUserInputError, type FieldProblem } from '../shared/errors';
import { fromGlobalId } from '../shared/global-id';
import { Label } from '../shared/graph-schema';
import type { StatementCriteria, SubjectLabel } from './statement-filter.repository';

/** The arguments every statement query shares, as the client sent them. */
export interface StatementArgs {
  about?: string | null;
  speaker?: string | null;
  from?: string | null;
  to?: string | null;
  language?: string | null;
  cameo?: string | null;
  includeRelated?: boolean | null;
  includeDeprecated?: boolean | null;
}

const SUBJECT_TYPES = ['Actor', 'Country', 'Meeting', 'Topic'] as const;

/**
 * Checks and decodes statement query arguments into repository criteria: ids must be of the right type, `from` not
 * after `to`, `cameo` two to four digits, `language` a language tag.
 * @param prefix the input path named in errors, such as `filter.` ('' for plain arguments).
 * @throws BadUserInputError listing every problem with its path.
 */
export function statementCriteria(args: StatementArgs, prefix = ''): StatementCriteria {
  const problems: FieldProblem[] = [];
  const decode = <T>(work: () => T): T | null => {
    try {
      return work();
    } catch (error) {
      if (error instanceof BadUserInputError) problems.push(...error.problems);
      else throw error;
      return null;
    }
  };
  const about = args.about ? decode(() => fromGlobalId(args.about!, `${prefix}about`, SUBJECT_TYPES)) : null;
  const speaker = args.speaker ? decode(() => fromGlobalId(args.speaker!, `${prefix}speaker`, ['Actor'])) : null;
  if (args.from && args.to && args.from > args.to) {
    problems.push({ path: `${prefix}from`, message: `must not be after ${prefix}to` });
  }
  const cameo = args.cameo?.trim() || null;
  if (cameo !== null && !/^\d{2,4}$/.test(cameo)) {
    problems.push({ path: `${prefix}cameo`, message: 'must be a CAMEO code or prefix of 2 to 4 digits, such as 036' });
  }
  const language = args.language?.trim() || null;
  if (language !== null && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    problems.push({ path: `${prefix}language`, message: 'must be a language tag such as ar or en' });
  }
  if (problems.length > 0) throw new BadUserInputError('Invalid statement query', problems);
  return {
    about: about?.id ?? null,
    aboutLabel: about ? (Label[about.type] as SubjectLabel) : null,
    includeRelated: args.includeRelated ?? false,
    speaker: speaker?.id ?? null,
    from: args.from ?? null,
    to: args.to ?? null,
    language: language?.toLowerCase() ?? null,
    cameo,
    includeDeprecated: args.includeDeprecated ?? false,
  };
}
