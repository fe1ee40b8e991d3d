import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { requireEditor } from '../auth/auth.guards';
import { ImportFormat, ImportResult } from './import-result.type';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      'Imports article text idempotently (editors only): the same text again is `unchanged`; a changed text with the same URL updates the article in place. ' +
      'A record that cannot be read is listed in `failures` with its line and is not written; the others are.',
  })
  importArticle(
    @Arg('text', { description: 'At most 5 MB; larger corpora go through `habari import`.' }) text: string,
    @Arg('format', () => ImportFormat, { nullable: true, defaultValue: ImportFormat.RAW }) format: ImportFormat | null,
    @Arg('language', () => String, { nullable: true, description: 'BCP 47 code; detected from the page for RAW, required for TSV.' }) language: string | null,
    @Arg('publish', () => Boolean, { nullable: true, defaultValue: false, description: 'Publish the articles; by default they are drafts.' }) publish: boolean | null,
    @Arg('urlBase', () => String, { nullable: true, description: 'TSV: the site that relative `url` values belong to, e.g. https://www.bbc.com.' }) urlBase: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ImportResult> {
    const actor = requireEditor(context);
    return context.services.importer.importText({ text, format: format ?? ImportFormat.RAW, language, publish: publish === true, urlBase, actor });
  }
}
