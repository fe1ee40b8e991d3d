/** An article body is an ordered list of blocks, as the page shows it. */
export type BodyBlockType = 'PARAGRAPH' | 'SUBHEADING' | 'QUOTE';

export interface BodyBlockData {
  type: BodyBlockType;
  text: string;
}
