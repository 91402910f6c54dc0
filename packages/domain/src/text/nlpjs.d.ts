// The parts of @nlpjs/lang-fr and @nlpjs/lang-en that Facets uses (the packages ship no types).
declare module '@nlpjs/lang-fr' {
  const fr: {
    StemmerFr: new () => { stemWord(word: string): string };
    StopwordsFr: new () => { dictionary: Record<string, boolean> };
    SentimentFr: { pattern: Record<string, number> };
  };
  export default fr;
}
declare module '@nlpjs/lang-en' {
  const en: {
    StemmerEn: new () => { stemWord(word: string): string };
    StopwordsEn: new () => { dictionary: Record<string, boolean> };
    SentimentEn: { senticon: Record<string, number> };
  };
  export default en;
}
