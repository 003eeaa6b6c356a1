import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={current}
      onChange={(v) => setLanguage(v)}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh">{t('lang.zh')}</span> },
        { value: 'en-US', label: <span data-testid="lang-en">{t('lang.en')}</span> },
      ]}
    />
  );
}
