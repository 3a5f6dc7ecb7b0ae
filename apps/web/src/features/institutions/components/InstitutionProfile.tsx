import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionDetail, Region } from '@rhip/contracts';
import { formatDateTime } from '../../../i18n/format';
import { FLAG_FIELDS } from '../api/institution-form';

interface InstitutionProfileProps {
  institution: InstitutionDetail;
  regionsByCode: ReadonlyMap<string, Region>;
}

/** Identity, classification and IT attributes (信息化建设) of one institution. */
export function InstitutionProfile({ institution: d, regionsByCode }: InstitutionProfileProps) {
  const { t } = useTranslation();
  const yesNo = (v: boolean | undefined) =>
    v === undefined ? '—' : v ? <Tag color="blue">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>;

  return (
    <>
      <Card size="small" title={t('institutions.detail.basic')} className="form-section">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t(`institutions.codeType.${d.codeType}`)}>
            <span className="mono">{d.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('institutions.columns.level')}>{t(`institution.level.${d.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.columns.type')}>{t(`institution.type.${d.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.columns.ownership')}>{t(`institution.ownership.${d.ownership}`)}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.columns.county')}>{d.regionName ?? regionsByCode.get(d.regionCode)?.name ?? d.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.columns.township')}>
            {d.townshipCode ? (regionsByCode.get(d.townshipCode)?.name ?? d.townshipCode) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('institutions.form.address')}>{d.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('institutions.columns.status')}>
            {d.active ? <Tag color="success">{t('institutions.status.active')}</Tag> : <Tag>{t('institutions.status.inactive')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('institutions.detail.registered')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('institutions.detail.it')} className="form-section">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('institutions.attributes.emrLevel')}>
            {d.emrLevel === null || d.emrLevel === undefined ? '—' : t('institutions.attributes.emrLevelValue', { level: d.emrLevel })}
          </Descriptions.Item>
          <Descriptions.Item label={t('institutions.attributes.interopLevel')}>{d.interopLevel ?? '—'}</Descriptions.Item>
          {FLAG_FIELDS.map((f) => (
            <Descriptions.Item key={f} label={t(`institutions.attributes.${f}`)}>
              {yesNo(d[f])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </>
  );
}
