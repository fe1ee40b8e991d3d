import { Field, Int, ObjectType } from 'type-graphql';
import { Role } from './auth.types';

@ObjectType({ description: 'An API key as admins see it: never the key itself, which is shown once, when created.' })
export class ApiKey {
  @Field(() => Int)
  id: number;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'To the minute.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'Send as `Authorization: Bearer <key>`. Shown this once: only a hash is stored.' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}
