import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CleansingChange, RecordIssue } from '@rhip/contracts';
import { currentLanguage } from '../../../i18n';

const SEVERITY_COLOR = { error: 'error', warning: 'warning', info: 'default' } as const;

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The problems found in one record (rule code, element path, the reason in the
 * UI language), then what cleansing normalised in it.
 */
export function IssueList({ issues, changes = [] }: { issues: readonly RecordIssue[]; changes?: readonly CleansingChange[] }) {
  const { t, i18n } = useTranslation();
  const zh = currentLanguage(i18n.resolvedLanguage) === 'zh-CN';
  if (issues.length === 0 && changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="issue-list">
      {changes.map((c, i) => (
        <li key={`change-${c.path}-${i}`}>
          <Tag className="issue-severity">{t('ingest.outcomes.cleansed')}</Tag>
          <Typography.Text code>{c.rule}</Typography.Text>
          <Typography.Text type="secondary" className="issue-path mono">
            {c.path}
          </Typography.Text>
          {c.from !== undefined || c.to !== undefined ? (
            <div className="issue-message mono">
              {show(c.from)} → {show(c.to)}
            </div>
          ) : null}
        </li>
      ))}
      {issues.map((issue, i) => {
        const severity = issue.severity ?? 'error';
        return (
          <li key={`${issue.code}-${issue.path}-${i}`}>
            <Tag color={SEVERITY_COLOR[severity]} className="issue-severity">
              {t(`ingest.severity.${severity}`)}
            </Tag>
            <Typography.Text code className="issue-code" data-testid="issue-code">
              {issue.code}
            </Typography.Text>
            {issue.path ? (
              <Typography.Text type="secondary" className="issue-path mono">
                {issue.path}
              </Typography.Text>
            ) : null}
            <div className="issue-message">{zh ? (issue.messageZh ?? issue.message) : issue.message}</div>
          </li>
        );
      })}
    </ul>
  );
}
