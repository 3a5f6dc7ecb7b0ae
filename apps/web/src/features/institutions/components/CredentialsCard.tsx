import { useState } from 'react';
import { App as AntApp, Button, Card, Empty, Flex, Form, Input, Modal, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { KeyOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InstitutionDetail, IssuedCredential } from '@rhip/contracts';
import { describeError } from '../../../api/error-message';
import { formatDateTime } from '../../../i18n/format';
import { useCredentialMutations } from '../api/useInstitutionMutations';
import { IssuedKeyModal } from './IssuedKeyModal';

type Credential = InstitutionDetail['credentials'][number];

interface CredentialsCardProps {
  institution: InstitutionDetail;
  /** Admins issue, rotate and revoke; other roles only see the list. */
  canManage: boolean;
}

/** The institution's API keys (前缀 only: the keys themselves are never stored) with issue, rotate and revoke. */
export function CredentialsCard({ institution, canManage }: CredentialsCardProps) {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const { issue, rotate, revoke } = useCredentialMutations(institution.id);
  const [issued, setIssued] = useState<{ credential: IssuedCredential; rotated: boolean } | null>(null);
  const [askLabel, setAskLabel] = useState(false);
  const [labelForm] = Form.useForm<{ label?: string }>();

  const closeIssued = () => {
    // Forget the key everywhere: this component's state and the mutations' answers.
    setIssued(null);
    issue.reset();
    rotate.reset();
  };

  const onIssue = async ({ label }: { label?: string }) => {
    try {
      const credential = await issue.mutateAsync(label?.trim() || undefined);
      setAskLabel(false);
      labelForm.resetFields();
      setIssued({ credential, rotated: false });
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  const onRotate = (c: Credential) => {
    modal.confirm({
      title: t('institutions.keys.rotateConfirmTitle', { prefix: c.keyPrefix }),
      content: t('institutions.keys.rotateConfirm'),
      okText: t('institutions.keys.rotate'),
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          const credential = await rotate.mutateAsync(c.id);
          setIssued({ credential, rotated: true });
        } catch (err) {
          void message.error(describeError(t, err));
        }
      },
    });
  };

  const onRevoke = (c: Credential) => {
    modal.confirm({
      title: t('institutions.keys.revokeConfirmTitle', { prefix: c.keyPrefix }),
      content: t('institutions.keys.revokeConfirm'),
      okText: t('institutions.keys.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          await revoke.mutateAsync(c.id);
          void message.success(t('institutions.keys.revoked'));
        } catch (err) {
          void message.error(describeError(t, err));
        }
      },
    });
  };

  const columns: TableColumnsType<Credential> = [
    {
      title: t('institutions.keys.prefix'),
      dataIndex: 'keyPrefix',
      key: 'prefix',
      render: (prefix: string) => <span className="mono">{prefix}…</span>,
    },
    { title: t('institutions.keys.label'), dataIndex: 'label', key: 'label', render: (label: string | null) => label ?? '—' },
    { title: t('institutions.keys.created'), dataIndex: 'createdAt', key: 'created', render: (v: string) => formatDateTime(v) },
    {
      title: t('institutions.keys.lastUsed'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsed',
      render: (v: string | null) => (v ? formatDateTime(v) : <span className="muted">{t('institutions.keys.neverUsed')}</span>),
    },
    {
      title: t('institutions.keys.status'),
      key: 'status',
      render: (_, c) =>
        c.revokedAt ? (
          <Tooltip title={t('institutions.keys.revokedAt', { at: formatDateTime(c.revokedAt) })}>
            <Tag>{t('institutions.keys.statusRevoked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="success">{t('institutions.keys.statusActive')}</Tag>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, c: Credential) =>
              c.revokedAt ? null : (
                <Space size={4}>
                  <Button size="small" icon={<SyncOutlined />} onClick={() => onRotate(c)} aria-label={t('institutions.keys.rotateKey', { prefix: c.keyPrefix })}>
                    {t('institutions.keys.rotate')}
                  </Button>
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => onRevoke(c)} aria-label={t('institutions.keys.revokeKey', { prefix: c.keyPrefix })}>
                    {t('institutions.keys.revoke')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('institutions.keys.title')}
      extra={
        canManage ? (
          <Button type="primary" size="small" icon={<KeyOutlined />} onClick={() => setAskLabel(true)}>
            {t('institutions.keys.issue')}
          </Button>
        ) : null
      }
    >
      <Table<Credential>
        aria-label={t('institutions.keys.title')}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={institution.credentials}
        pagination={false}
        rowClassName={(c) => (c.revokedAt ? 'row-muted' : '')}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institutions.keys.empty')} /> }}
      />

      <Modal
        open={askLabel}
        title={t('institutions.keys.issueTitle')}
        okText={t('institutions.keys.issue')}
        cancelText={t('common.cancel')}
        confirmLoading={issue.isPending}
        onOk={() => labelForm.submit()}
        onCancel={() => setAskLabel(false)}
        destroyOnHidden
      >
        <Form form={labelForm} layout="vertical" onFinish={(v) => void onIssue(v)}>
          <Form.Item name="label" label={t('institutions.keys.label')} extra={t('institutions.keys.labelHint')}>
            <Input maxLength={100} autoFocus autoComplete="off" placeholder={t('institutions.keys.labelPlaceholder')} />
          </Form.Item>
        </Form>
        <Flex>
          <span className="muted-small">{t('institutions.keys.issueNote')}</span>
        </Flex>
      </Modal>

      <IssuedKeyModal
        issued={issued?.credential ?? null}
        rotated={issued?.rotated ?? false}
        institutionName={institution.name}
        onClose={closeIssued}
      />
    </Card>
  );
}
