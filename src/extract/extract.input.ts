import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../shared/graphql/date.scalar';
import type { PageInputData } from './extract.service';

@InputType('PageInput', {
  description:
    'A raw scraped news page: one or more articles with page furniture (menus, related-news widgets, source lines, ' +
    'keyword tags). At most 200,000 characters of text.',
})
export class PageInput implements PageInputData {
  @Field({ description: 'The page as scraped (plain text, UTF-8).' })
  text!: string;

  @Field(() => String, { nullable: true, description: "The outlet's name, when the page does not give it." })
  outlet?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date, when the page does not give one.' })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: "The page's URL, stored on its articles." })
  url?: string | null;
}
