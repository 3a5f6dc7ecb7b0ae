import { useDeferredValue, useMemo, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { institutionDetailQueryOptions, institutionListQueryOptions } from '../api/institutions-api';

interface InstitutionSelectProps {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  ariaLabel: string;
  placeholder: string;
  style?: CSSProperties;
  testId?: string;
}

/** Pick one institution by name or code, searched on the server (there are hundreds). */
export function InstitutionSelect({ value, onChange, ariaLabel, placeholder, style, testId }: InstitutionSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const list = useQuery(institutionListQueryOptions({ q: q || undefined, page: 1, pageSize: 20 }));
  // The selected institution's name, when it is not on the current result page (a shared link).
  const selected = useQuery({ ...institutionDetailQueryOptions(value ?? ''), enabled: Boolean(value) });

  const options = useMemo(() => {
    const items = (list.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }));
    if (value && selected.data && !items.some((o) => o.value === value)) items.unshift({ value, label: selected.data.name });
    return items;
  }, [list.data, selected.data, value]);

  return (
    <Select
      aria-label={ariaLabel}
      data-testid={testId}
      style={style}
      allowClear
      placeholder={placeholder}
      value={value && (selected.data || options.some((o) => o.value === value)) ? value : undefined}
      options={options}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noData')}
      onChange={(id: string | undefined) => {
        setSearch('');
        onChange(id);
      }}
      popupMatchSelectWidth={320}
    />
  );
}
