import { Arg, Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/graphql/date.scalar';
import { pickName, type Names } from '../shared/graphql/names';

@ObjectType('Role', { description: 'An office an actor holds: "Kremlin spokesman", "President of Azerbaijan".' })
export class Role {
  key!: string;
  titles!: Names;
  organizationKey!: string | null;
  countryCode!: string | null;

  @Field(() => String, { description: 'The title in the given language, else English.' })
  title(@Arg('lang', () => String, { nullable: true, defaultValue: 'en' }) lang: string | null): string {
    return pickName(this.titles, lang ?? 'en');
  }

  @Field(() => DateScalar, { nullable: true })
  since!: string | null;

  @Field(() => DateScalar, { nullable: true })
  until!: string | null;
}
