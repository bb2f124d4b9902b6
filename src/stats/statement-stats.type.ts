import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../shared/graphql/node.interface';

export enum StatsGroup {
  SPEAKER = 'SPEAKER',
  ABOUT = 'ABOUT',
  SPEAKER_COUNTRY = 'SPEAKER_COUNTRY',
  CAMEO = 'CAMEO',
  PLOVER = 'PLOVER',
  MONTH = 'MONTH',
}

registerEnumType(StatsGroup, {
  name: 'StatsGroup',
  description:
    'SPEAKER: the speaking actor; ABOUT: each subject (a statement about three counts in three rows); ' +
    "SPEAKER_COUNTRY: the speaker's country; CAMEO: the event code; PLOVER: the category; MONTH: YYYY-MM of the " +
    "statement's date.",
});

@ObjectType('StatsRow', { description: 'One group of statements.' })
export class StatsRow {
  @Field(() => Node, { nullable: true, description: 'The grouped node; null when the group is a value.' })
  key!: Node | null;

  @Field({ description: 'Display text: the node name in English, the code, category or month; (none) for no value.' })
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean Goldstein score of the statements that have one.' })
  meanGoldstein!: number | null;
}
