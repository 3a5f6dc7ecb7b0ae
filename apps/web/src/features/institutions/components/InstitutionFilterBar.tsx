import { Button, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Region } from '@rhip/contracts';
import type { InstitutionFilters } from '../../../api/query-keys';
import { LEVELS, OWNERSHIPS, TYPES } from '../api/institution-filters';

interface InstitutionFilterBarProps {
  filters: InstitutionFilters;
  counties: Region[];
  countiesLoading: boolean;
  onChange: (change: Partial<Omit<InstitutionFilters, 'page' | 'pageSize'>>) => void;
  onReset: () => void;
  canReset: boolean;
}

/** County, level, type, ownership and keyword filters; each change goes to the URL. */
export function InstitutionFilterBar({ filters, counties, countiesLoading, onChange, onReset, canReset }: InstitutionFilterBarProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12} align="center" className="filter-bar" role="search" aria-label={t('institutions.filters.label')}>
      <Select
        aria-label={t('institutions.filters.county')}
        data-testid="filter-county"
        style={{ width: 160 }}
        allowClear
        loading={countiesLoading}
        placeholder={t('institutions.filters.allCounties')}
        value={filters.regionCode}
        options={counties.map((c) => ({ value: c.code, label: c.name }))}
        onChange={(value: string | undefined) => onChange({ regionCode: value })}
      />
      <Select
        aria-label={t('institutions.filters.level')}
        data-testid="filter-level"
        style={{ width: 140 }}
        allowClear
        placeholder={t('institutions.filters.allLevels')}
        value={filters.level}
        options={LEVELS.map((l) => ({ value: l, label: t(`institution.level.${l}`) }))}
        onChange={(value: InstitutionFilters['level']) => onChange({ level: value })}
      />
      <Select
        aria-label={t('institutions.filters.type')}
        data-testid="filter-type"
        style={{ width: 190 }}
        allowClear
        placeholder={t('institutions.filters.allTypes')}
        value={filters.type}
        options={TYPES.map((v) => ({ value: v, label: t(`institution.type.${v}`) }))}
        onChange={(value: InstitutionFilters['type']) => onChange({ type: value })}
      />
      <Select
        aria-label={t('institutions.filters.ownership')}
        data-testid="filter-ownership"
        style={{ width: 130 }}
        allowClear
        placeholder={t('institutions.filters.allOwnership')}
        value={filters.ownership}
        options={OWNERSHIPS.map((v) => ({ value: v, label: t(`institution.ownership.${v}`) }))}
        onChange={(value: InstitutionFilters['ownership']) => onChange({ ownership: value })}
      />
      <Input.Search
        // Remount when the URL's keyword changes (back button, reset) so the box shows it.
        key={filters.q ?? ''}
        aria-label={t('institutions.filters.search')}
        style={{ width: 240 }}
        allowClear
        defaultValue={filters.q}
        placeholder={t('institutions.filters.searchPlaceholder')}
        enterButton={t('common.search')}
        maxLength={100}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Button icon={<ReloadOutlined />} onClick={onReset} disabled={!canReset}>
        {t('common.reset')}
      </Button>
    </Flex>
  );
}
