import { useId } from 'react';
import { Flex, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';

interface LiveSwitchProps {
  live: boolean;
  onChange: (live: boolean) => void;
  /** When the data on screen was fetched (epoch ms; 0 = not yet). */
  updatedAt: number;
}

/** 自动刷新 on/off, and when the list was last refreshed. */
export function LiveSwitch({ live, onChange, updatedAt }: LiveSwitchProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Flex align="center" gap={8}>
      <Switch size="small" checked={live} onChange={onChange} aria-labelledby={labelId} data-testid="live-switch" />
      <Typography.Text id={labelId}>{t('ingest.live')}</Typography.Text>
      {updatedAt > 0 ? (
        <Typography.Text type="secondary" className="muted-small no-margin">
          {t('ingest.updatedAt', { time: formatDateTime(new Date(updatedAt).toISOString()).slice(11) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
