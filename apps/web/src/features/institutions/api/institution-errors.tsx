import { useCallback, useState, type ReactNode } from 'react';
import type { FormInstance } from 'antd';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { describeError } from '../../../api/error-message';
import { formFieldErrors, type FieldIssue } from '../../../api/form-errors';
import { FORM_FIELDS } from './institution-form';

/** Rule codes of the institution code check (apps/api institution-code.ts), without `ORG.`, that have their own sentence. */
const CODE_RULES = { USCC_FORMAT: 1, LICENCE_FORMAT: 1, CODE_LENGTH: 1 } as const;
type CodeRule = keyof typeof CODE_RULES;

/** A sentence for one issue the API found in the form: a known rule in the UI language, otherwise the API's own words. */
export function describeIssue(t: TFunction, issue: FieldIssue): string {
  const rule = issue.code.startsWith('ORG.') ? issue.code.slice(4) : '';
  if (Object.hasOwn(CODE_RULES, rule)) return t(`institutions.codeRules.${rule as CodeRule}`);
  return t('institutions.form.apiIssue', { message: issue.message, code: issue.code });
}

/**
 * Shows a failed save on the form: a 400's issues on their fields, a duplicate
 * code (409) on the code field with a link to the institution that has it, and
 * anything else as one message above the buttons.
 */
export function useFormApiErrors(form: FormInstance) {
  const { t } = useTranslation();
  const [error, setError] = useState<ReactNode>(null);

  const showError = useCallback(
    (err: unknown) => {
      if (isApiError(err) && err.status === 409 && err.code === 'CONFLICT') {
        const id = (err.details as { id?: unknown } | undefined)?.id;
        form.setFields([{ name: 'code', errors: [t('institutions.form.codeTaken')] }]);
        setError(
          <>
            {t('institutions.form.codeTaken')}{' '}
            {typeof id === 'string' ? <Link to={`/institutions/${id}`}>{t('institutions.form.openExisting')}</Link> : null}
          </>,
        );
        return;
      }
      const { fields, other } = formFieldErrors(err, FORM_FIELDS, (issue) => describeIssue(t, issue));
      if (fields.length > 0) form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
      if (other.length > 0) setError(other.map((o) => `${o.path}: ${describeIssue(t, o)}`).join('；'));
      else if (fields.length === 0) setError(describeError(t, err));
      else setError(t('institutions.form.fixFields'));
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center', focus: true });
    },
    [form, t],
  );

  return { error, showError, clearError: useCallback(() => setError(null), []) };
}
