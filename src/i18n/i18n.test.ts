import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { setLanguage, setupI18n } from './index';

describe('UI languages', () => {
  it('starts in the language asked for, loading the English strings only then, and switches back', async () => {
    await setupI18n('zh');
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18next.t('app.title')).toBe('园区规划一张图');

    await setLanguage('en');
    expect(i18next.language).toBe('en');
    expect(i18next.t('app.switchLanguage')).toBe('中文');
    expect(i18next.t('app.title')).not.toBe('园区规划一张图');

    await setLanguage('zh');
    expect(i18next.t('app.switchLanguage')).toBe('English');
  });
});
