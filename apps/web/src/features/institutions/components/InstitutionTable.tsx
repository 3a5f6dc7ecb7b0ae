import { Button, Empty, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Institution, Page, Region } from '@rhip/contracts';
import { PAGE_SIZES } from '../api/institution-filters';

interface InstitutionTableProps {
  data: Page<Institution> | undefined;
  loading: boolean;
  regionsByCode: ReadonlyMap<string, Region>;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onReset: () => void;
}

const LEVEL_COLORS: Partial<Record<Institution['level'], string>> = { '3A': 'red', '3B': 'volcano', '3': 'orange', '2A': 'blue', '2B': 'geekblue', '2': 'cyan' };

/** Server-paginated institution list. */
export function InstitutionTable({ data, loading, regionsByCode, filtered, onPageChange, onReset }: InstitutionTableProps) {
  const { t } = useTranslation();
  const regionName = (code: string | null) => (code ? (regionsByCode.get(code)?.name ?? code) : '—');

  const columns: TableColumnsType<Institution> = [
    {
      title: t('institutions.columns.name'),
      key: 'name',
      render: (_, inst) => (
        <div>
          <Link to={`/institutions/${inst.id}`} className="strong-link">
            {inst.name}
          </Link>
          <div className="muted-small">
            <Tooltip title={t(`institutions.codeType.${inst.codeType}`)}>
              <span>{inst.code}</span>
            </Tooltip>
          </div>
        </div>
      ),
    },
    {
      title: t('institutions.columns.level'),
      dataIndex: 'level',
      key: 'level',
      width: 110,
      render: (level: Institution['level']) => (
        <Tag color={LEVEL_COLORS[level]} variant="outlined">
          {t(`institution.level.${level}`)}
        </Tag>
      ),
    },
    {
      title: t('institutions.columns.type'),
      dataIndex: 'type',
      key: 'type',
      width: 170,
      render: (type: Institution['type']) => t(`institution.type.${type}`),
    },
    {
      title: t('institutions.columns.ownership'),
      dataIndex: 'ownership',
      key: 'ownership',
      width: 100,
      render: (o: Institution['ownership']) => t(`institution.ownership.${o}`),
    },
    {
      title: t('institutions.columns.county'),
      key: 'county',
      width: 120,
      render: (_, inst) => inst.regionName ?? regionName(inst.regionCode),
    },
    {
      title: t('institutions.columns.township'),
      key: 'township',
      width: 140,
      render: (_, inst) => regionName(inst.townshipCode),
    },
    {
      title: t('institutions.columns.status'),
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean) =>
        active ? <Tag color="success">{t('institutions.status.active')}</Tag> : <Tag>{t('institutions.status.inactive')}</Tag>,
    },
  ];

  return (
    <Table<Institution>
      aria-label={t('institutions.tableLabel')}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{
        emptyText: loading ? ' ' : (
          <Empty description={t('institutions.empty')}>
            {filtered ? (
              <>
                <Typography.Paragraph type="secondary">{t('institutions.emptyHint')}</Typography.Paragraph>
                <Button onClick={onReset}>{t('common.reset')}</Button>
              </>
            ) : null}
          </Empty>
        ),
      }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? PAGE_SIZES[0],
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
