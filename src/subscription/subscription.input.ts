import { Field, ID, InputType } from 'type-graphql';

@InputType('StatementAddedFilter', {
  description: 'Which new statements a statementAdded subscription hears of; all given conditions must hold.',
})
export class StatementAddedFilter {
  @Field(() => ID, { nullable: true, description: 'An actor, country, meeting or topic the statement is about.' })
  about?: string | null;

  @Field(() => ID, { nullable: true, description: 'The speaking actor.' })
  speaker?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Also statements about the subject's related nodes, as in whoSaidWhatAbout(includeRelated: true).",
  })
  includeRelated?: boolean | null;

  @Field(() => String, { nullable: true, description: 'CAMEO code or prefix, such as 03 or 036.' })
  cameo?: string | null;
}
