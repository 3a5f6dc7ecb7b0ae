import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './locales/zh-CN';
import en from './locales/en';

/** UI languages; Chinese is the default whatever the browser says. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'rhip.language';
const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage disabled: fall back silently
  }
}

/** The current language, narrowed to one the console supports. */
export function currentLanguage(lng: string | undefined = i18n.resolvedLanguage): Language {
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

function applyLanguage(lng: Language) {
  document.documentElement.lang = lng;
  dayjs.locale(DAYJS_LOCALE[lng]);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

i18n.on('languageChanged', (lng) => applyLanguage(currentLanguage(lng)));

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: ready before the first render
  returnNull: false,
  returnEmptyString: true, // English has no measure words: '' is a real value
});

export { i18n };
