import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../shared/graphql/date.scalar';

@InputType('StatementFilter', { description: 'Narrows a statement list; all given conditions must hold.' })
export class StatementFilter {
  @Field(() => ID, { nullable: true, description: 'The speaking actor.' })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'An actor, country, meeting or topic the statement is about.' })
  about?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "On or after this date (saidOn, else the earliest report's); undated statements are left out.",
  })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this date; undated statements are left out.' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of the original text, such as ar; ar matches ar-EG.' })
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'CAMEO code or prefix: 11 matches 110-119 and their sub-codes, 036 only 036 and 036x.',
  })
  cameo?: string | null;
}
