import { Card } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useRegions } from '../../regions/api/useRegions';
import { hasActiveFilters } from '../api/institution-filters';
import { institutionListQueryOptions } from '../api/institutions-api';
import { useInstitutionFilters } from '../api/useInstitutionFilters';
import { InstitutionFilterBar } from '../components/InstitutionFilterBar';
import { InstitutionTable } from '../components/InstitutionTable';

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const { filters, setFilters, setPage, resetFilters } = useInstitutionFilters();
  const regions = useRegions();
  const list = useQuery(institutionListQueryOptions(filters));
  const filtered = hasActiveFilters(filters);

  return (
    <>
      <PageHeader title={t('institutions.pageTitle')} subtitle={t('institutions.subtitle')} />
      <Card size="small">
        <InstitutionFilterBar
          filters={filters}
          counties={regions.counties}
          countiesLoading={regions.isPending}
          onChange={setFilters}
          onReset={resetFilters}
          canReset={filtered}
        />
        {regions.isError ? <ErrorState error={regions.error} onRetry={() => void regions.refetch()} /> : null}
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <InstitutionTable
            data={list.data}
            loading={list.isFetching}
            regionsByCode={regions.byCode}
            filtered={filtered}
            onPageChange={setPage}
            onReset={resetFilters}
          />
        )}
      </Card>
    </>
  );
}
