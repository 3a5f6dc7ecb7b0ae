import { Button, Card, Empty, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ExpectedDataset, InstitutionDetail } from '@rhip/contracts';
import { formatCadence, formatTimeliness } from '../api/cadence';

interface ExpectedDatasetsTableProps {
  institution: InstitutionDetail;
  canEdit: boolean;
  /** Link each data set to its batches in 采集监控 (roles that can see it). */
  canSeeBatches: boolean;
}

/** 应报数据集: what the institution must send, how often, and how soon after the event. */
export function ExpectedDatasetsTable({ institution, canEdit, canSeeBatches }: ExpectedDatasetsTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<ExpectedDataset> = [
    {
      title: t('institutions.expected.dataset'),
      dataIndex: 'dataset',
      key: 'dataset',
      render: (d: ExpectedDataset['dataset']) =>
        canSeeBatches ? (
          <Link to={`/ingest?institutionId=${institution.id}&dataset=${d}`}>{t(`dataset.${d}`)}</Link>
        ) : (
          t(`dataset.${d}`)
        ),
    },
    { title: t('institutions.expected.cadence'), dataIndex: 'cadenceHours', key: 'cadence', render: (h: number) => formatCadence(t, h) },
    { title: t('institutions.expected.timeliness'), dataIndex: 'timelinessHours', key: 'timeliness', render: (h: number) => formatTimeliness(t, h) },
  ];
  return (
    <Card size="small" title={t('institutions.form.expectedDatasets')} className="form-section">
      <Table<ExpectedDataset>
        aria-label={t('institutions.form.expectedDatasets')}
        rowKey="dataset"
        size="small"
        columns={columns}
        dataSource={institution.expectedDatasets}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institutions.form.noExpected')}>
              {canEdit ? (
                <Button size="small" onClick={() => void navigate(`/institutions/${institution.id}/edit`)}>
                  {t('institutions.detail.configure')}
                </Button>
              ) : null}
            </Empty>
          ),
        }}
      />
    </Card>
  );
}
