// Text as a report's author may have typed it, reduced to what identifies it: lower case, no diacritics (đ → d),
// punctuation as spaces, single spaces. "Thành phố Hồ Chí Minh", "THANH PHO HO CHI MINH" and "thanh  pho hồ-chí-minh"
// all fold to "thanh pho ho chi minh".
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%/]+/g, ' ')
    .trim();
}
