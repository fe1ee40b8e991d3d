import { Args, ArgsType, Ctx, Field, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Errors } from '../errors/error.catalogue';
import type { GraphQLContext } from '../graphql/context';
import { toArticleEvent, type ArticleEventService } from './article-event.service';
import type { EventDelivery, SubscriberConnection } from './article-event.stream';
import { ArticleEvent, ArticleEventFilter, ArticleEventKind } from './article-event.types';

/** The context of an operation on a WebSocket; HTTP operations have neither field. */
export interface SubscriptionContext extends GraphQLContext {
  articleEvents?: ArticleEventService;
  subscriber?: SubscriberConnection;
}

@ArgsType()
class ArticleEventArgs {
  @Field(() => ArticleEventFilter, { nullable: true })
  filter?: ArticleEventFilter | null;

  @Field(() => String, { nullable: true, description: 'Resume after this event `cursor`: first every missed event, in order, then live ones.' })
  after?: string | null;
}

const streamOf =
  (kind: ArticleEventKind) =>
  ({ args, context }: SubscribeResolverData<unknown, ArticleEventArgs, SubscriptionContext>) => {
    if (!context.articleEvents) throw Errors.subscriptionsNeedWebSocket();
    return context.articleEvents.subscribe(kind, args.filter, args.after, context.subscriber ?? null);
  };

/** Runs once per event per subscriber: must stay cheap (see bench/subscriptions). */
function present(delivery: EventDelivery | undefined, context: SubscriptionContext): ArticleEvent {
  if (!delivery) throw Errors.subscriptionsNeedWebSocket();
  // The page's loaders: batched across every subscriber of this event, never cached beyond it.
  context.loaders = delivery.loaders;
  return toArticleEvent(delivery);
}

@Resolver(() => ArticleEvent)
export class ArticleEventResolver {
  @Subscription(() => ArticleEvent, { subscribe: streamOf(ArticleEventKind.PUBLISHED), description: 'An article became public: created or imported published, or published later.' })
  articlePublished(@Root() delivery: EventDelivery, @Args() _args: ArticleEventArgs, @Ctx() context: SubscriptionContext): ArticleEvent {
    return present(delivery, context);
  }

  @Subscription(() => ArticleEvent, { subscribe: streamOf(ArticleEventKind.UPDATED), description: 'A public article changed and is still public.' })
  articleUpdated(@Root() delivery: EventDelivery, @Args() _args: ArticleEventArgs, @Ctx() context: SubscriptionContext): ArticleEvent {
    return present(delivery, context);
  }

  @Subscription(() => ArticleEvent, { subscribe: streamOf(ArticleEventKind.UNPUBLISHED), description: 'A public article stopped being public (unpublished or archived).' })
  articleUnpublished(@Root() delivery: EventDelivery, @Args() _args: ArticleEventArgs, @Ctx() context: SubscriptionContext): ArticleEvent {
    return present(delivery, context);
  }
}
