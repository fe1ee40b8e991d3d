import { Article } from '../articles/article.entity';
import { ArticleTag } from '../articles/article-tag.entity';
import { Category } from '../categories/category.entity';
import { ArticleImage } from '../images/article-image.entity';
import { Image } from '../images/image.entity';
import { Source } from '../sources/source.entity';
import { ArticleEventRecord } from '../subscriptions/article-event.entity';

export const entities = [Article, ArticleTag, Category, Source, Image, ArticleImage, ArticleEventRecord];
