/**
 * Amharic stop words. stopwords-iso 1.1.0 (the maintained package we use for
 * every other language) has NO Amharic list, so this small supplement fills the
 * gap. It holds only function words: copulas (ነው "is", ነበር "was"), conjunctions
 * and postpositions (እና, ግን, ላይ, ውስጥ, ጋር, ወደ), demonstratives and pronouns
 * (ይህ, እሱ), quantifiers (ሁሉም, ብዙ) and the reporting verbs every news story uses
 * (ብለዋል "they said", ተናግረዋል "stated"). All appear in over a quarter of the
 * MasakhaNEWS Amharic articles. Abbreviation halves from ዶ/ር ("Dr") and
 * ወ/ሮ ("Mrs") are here because the slash splits them into one-letter words.
 * Replace this file if stopwords-iso ever ships "am".
 */
export const AMHARIC_STOP_WORDS: readonly string[] = [
  // copulas and auxiliaries
  'ነው', 'ናቸው', 'ነበር', 'ነበሩ', 'ናት', 'ነች', 'ነኝ', 'ነን', 'ሆነ', 'ሆኖ', 'ይሆናል', 'ይችላል', 'አይደለም', 'የለም', 'አለ', 'አሉ', 'ያለው', 'ያሉ', 'የነበረው', 'የነበሩ',
  // conjunctions, postpositions, adverbs
  'እና', 'ና', 'ግን', 'ወይም', 'ደግሞ', 'እንዲሁም', 'ስለ', 'ላይ', 'ውስጥ', 'ጋር', 'ወደ', 'እስከ', 'ድረስ', 'እንደ', 'በኋላ', 'በፊት', 'በላይ', 'መካከል', 'ሲሆን', 'ቢሆንም', 'እንደሆነ', 'ጨምሮ', 'ያህል', 'ብቻ', 'በጣም', 'አሁን', 'ምክንያት', 'ነገር', 'ጊዜ',
  // demonstratives, pronouns, quantifiers
  'ይህ', 'ይህን', 'ይህንን', 'ይህም', 'ያ', 'በዚህ', 'ከዚህ', 'እኔ', 'እኛ', 'አንተ', 'አንቺ', 'እናንተ', 'እሱ', 'እርሱ', 'እሷ', 'እሳቸው', 'እነሱ', 'ሁሉ', 'ሁሉም', 'ብዙ', 'ሌላ', 'ሌሎች', 'ምን', 'ምንም', 'አንድ',
  // reporting verbs
  'ብለዋል', 'ብሏል', 'ብላለች', 'ሲሉ', 'ሲል', 'ብሎ', 'በማለት', 'ተናግረዋል', 'ተብሏል', 'ተብሎ',
  // abbreviation halves and titles (ዶ/ር, ወ/ሮ, ወ/ሪት, አቶ "Mr")
  'ዶ', 'ር', 'ወ', 'ሮ', 'ሪት', 'አቶ',
];
