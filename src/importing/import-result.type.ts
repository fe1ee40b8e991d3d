import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Article } from '../articles/article.entity';

export enum ImportFormat {
  RAW = 'RAW',
  TSV = 'TSV',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'RAW: one article as its news page shows it. TSV: a whole TSV document with a header line (category, headline, text, url).',
});

@ObjectType('ImportFailure', { description: 'A record that was not written, and why.' })
export class ImportFailureType {
  @Field(() => Int, { description: 'Line of the text where the record starts (1-based).' })
  line: number;

  @Field({ description: 'What is wrong, and what to fix.' })
  reason: string;
}

@ObjectType('ImportNote', {
  description: 'Something the importer decided on its own about a written article (language identified from the text, a relative date not used): worth a look.',
})
export class ImportNoteType {
  @Field(() => Int, { description: 'Line of the text where the record starts (1-based).' })
  line: number;

  @Field({ description: 'What was decided; the line numbers inside refer to the text sent.' })
  message: string;
}

@ObjectType({ description: 'What an import did. Re-importing the same text changes nothing and counts as unchanged.' })
export class ImportResult {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  failed: number;

  @Field(() => [ImportFailureType])
  failures: ImportFailureType[];

  @Field(() => [ImportNoteType])
  notes: ImportNoteType[];

  @Field(() => [Article], { description: 'The articles the text named (drafts too), in input order.' })
  articles: Article[];
}
