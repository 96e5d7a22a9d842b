import { LANGUAGES, PRIMARY_LANGUAGE } from './languages.ts';

/**
 * The rules that show each cell's side, and each piece of one-language prose, for the language on
 * `<html data-language>`, made from the table so that no style sheet spells a language. The
 * chapters' own language shows unless the reader picked another (which needs JavaScript, so a
 * page without it shows the first side). A cell without a twin keeps showing its first side.
 */
export function languageCss(): string {
  return LANGUAGES.filter((language) => language !== PRIMARY_LANGUAGE)
    .map((language) => {
      const on = `[data-language='${language}']`;
      const prose = `[data-for-language='${language}']`;
      return [
        `.cell-code${on}, ${on} nb-cell:has(.cell-code${on}) .cell-code:not(${on}) { display: none; }`,
        `${on} .cell-code${on} { display: block; }`,
        `.for-language${prose}, ${on} .for-language:not(${prose}) { display: none; }`,
        `${on} .for-language${prose} { display: block; }`,
      ].join('\n');
    })
    .join('\n');
}
