import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { enUSStrings, zhCNStrings } from './locales/resources';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'shopdesk.lang';

export function savedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'zh-CN' || v === 'en-US') return v;
  } catch {
    // storage unavailable: fall back to Chinese
  }
  return 'zh-CN';
}

function applyDayjs(lang: Language) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; still switch for this session
  }
  applyDayjs(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

const initial = savedLanguage();
applyDayjs(initial);
if (typeof document !== 'undefined') document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCNStrings },
    'en-US': { translation: enUSStrings },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
