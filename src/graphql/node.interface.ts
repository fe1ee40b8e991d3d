import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with an opaque, global `id` can be fetched by `node(id:)`. */
@InterfaceType({ description: 'An object with a global, opaque ID.' })
export abstract class Node {
  @Field(() => ID, { name: 'id' })
  globalId: string;
}
