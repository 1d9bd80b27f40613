// The page's i18next instance over the shared message catalogue. Vietnamese until the host says otherwise.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../src/contract/bridge.js';
import { MESSAGES } from '../../src/i18n/messages.js';

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: MESSAGES.vi }, en: { translation: MESSAGES.en } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  // React escapes what it renders; escaping here too would show "&amp;" on the wall.
  interpolation: { escapeValue: false },
  initAsync: false,
  // The notice is an advertisement in the console of every wall window.
  showSupportNotice: false,
});

function toLocale(language: string | undefined): Locale {
  return language === 'en' ? 'en' : 'vi';
}

/** The page's current locale, re-rendering on a language change. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return toLocale(instance.resolvedLanguage ?? instance.language);
}

export function setLocale(locale: Locale): void {
  if (toLocale(i18n.language) !== locale || i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
