import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { MergeCellsOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MergeResult } from '@rhip/contracts';
import { PageHeader } from '../../../components/PageHeader';
import { describeMergeError } from '../api/merge-errors';
import { useMergeMutations } from '../api/usePersonIndexMutations';
import { PersonIndexTabs } from '../components/PersonIndexTabs';

interface MergeForm {
  survivorId: string;
  mergedId: string;
  reason?: string;
}

const ID_RULE = /^\d{1,19}$/;

/** 合并与拆分: merge one master person into another (every record moves), and undo a merge. */
export default function MergePage() {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const { merge, undo } = useMergeMutations();
  const [mergeForm] = Form.useForm<MergeForm>();
  const [undoForm] = Form.useForm<{ mergeId: string }>();
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const [undone, setUndone] = useState<MergeResult | null>(null);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);

  const idRules = (required: string) => [
    { required: true, whitespace: true, message: required },
    { pattern: ID_RULE, message: t('personIndex.merge.idFormat') },
  ];

  const confirmUndo = (mergeId: string) => {
    setUndoError(null);
    modal.confirm({
      title: t('personIndex.merge.undoConfirmTitle', { id: mergeId }),
      content: t('personIndex.merge.undoConfirm'),
      okText: t('personIndex.merge.undo'),
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          const result = await undo.mutateAsync(mergeId);
          setUndone(result);
          if (merged?.mergeId === mergeId) setMerged(null);
          undoForm.resetFields();
        } catch (err) {
          setUndoError(describeMergeError(t, err));
        }
      },
    });
  };

  const onMerge = (values: MergeForm) => {
    setMergeError(null);
    const survivorId = values.survivorId.trim();
    const mergedId = values.mergedId.trim();
    modal.confirm({
      title: t('personIndex.merge.confirmTitle'),
      content: t('personIndex.merge.confirm', { mergedId, survivorId }),
      okText: t('personIndex.merge.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          const result = await merge.mutateAsync({ survivorId, mergedId, ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}) });
          setMerged(result);
          setUndone(null);
          mergeForm.resetFields();
        } catch (err) {
          setMergeError(describeMergeError(t, err));
        }
      },
    });
  };

  return (
    <>
      <PageHeader title={t('personIndex.pageTitle')} subtitle={t('personIndex.merge.subtitle')} />
      <PersonIndexTabs />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('personIndex.merge.title')}>
            <Typography.Paragraph type="secondary">{t('personIndex.merge.explain')}</Typography.Paragraph>
            <Form<MergeForm> form={mergeForm} layout="vertical" onFinish={onMerge} aria-label={t('personIndex.merge.title')}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="survivorId" label={t('personIndex.merge.survivorId')} extra={t('personIndex.merge.survivorHint')} rules={idRules(t('personIndex.merge.idRequired'))}>
                    <Input inputMode="numeric" autoComplete="off" className="mono" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="mergedId"
                    label={t('personIndex.merge.mergedId')}
                    extra={t('personIndex.merge.mergedHint')}
                    dependencies={['survivorId']}
                    rules={[
                      ...idRules(t('personIndex.merge.idRequired')),
                      ({ getFieldValue }) => ({
                        validator: (_, value: string | undefined) =>
                          value && value.trim() === String(getFieldValue('survivorId') ?? '').trim()
                            ? Promise.reject(new Error(t('personIndex.merge.sameId')))
                            : Promise.resolve(),
                      }),
                    ]}
                  >
                    <Input inputMode="numeric" autoComplete="off" className="mono" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="reason" label={t('personIndex.merge.reason')}>
                <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
              {mergeError ? <Alert type="error" showIcon role="alert" title={mergeError} className="form-section" /> : null}
              <Button type="primary" htmlType="submit" icon={<MergeCellsOutlined />} loading={merge.isPending}>
                {t('personIndex.merge.submit')}
              </Button>
            </Form>
            {merged ? (
              <Alert
                type="success"
                showIcon
                role="status"
                className="result-block"
                data-testid="merge-result"
                title={t('personIndex.merge.done', { mergedId: merged.mergedId, survivorId: merged.survivorId })}
                description={
                  <>
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('personIndex.merge.mergeId')}>
                        <Typography.Text className="mono" copyable>
                          {merged.mergeId}
                        </Typography.Text>
                      </Descriptions.Item>
                      {merged.movedRows !== undefined ? (
                        <Descriptions.Item label={t('personIndex.merge.movedRows')}>{merged.movedRows}</Descriptions.Item>
                      ) : null}
                    </Descriptions>
                    <Button icon={<UndoOutlined />} onClick={() => confirmUndo(merged.mergeId)} loading={undo.isPending}>
                      {t('personIndex.merge.undoThis')}
                    </Button>
                  </>
                }
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('personIndex.merge.undoTitle')}>
            <Typography.Paragraph type="secondary">{t('personIndex.merge.undoExplain')}</Typography.Paragraph>
            <Form<{ mergeId: string }>
              form={undoForm}
              layout="vertical"
              onFinish={(v) => confirmUndo(v.mergeId.trim())}
              aria-label={t('personIndex.merge.undoTitle')}
            >
              <Form.Item name="mergeId" label={t('personIndex.merge.mergeId')} rules={idRules(t('personIndex.merge.mergeIdRequired'))}>
                <Input inputMode="numeric" autoComplete="off" className="mono" />
              </Form.Item>
              {undoError ? <Alert type="error" showIcon role="alert" title={undoError} className="form-section" /> : null}
              <Button htmlType="submit" icon={<UndoOutlined />} loading={undo.isPending}>
                {t('personIndex.merge.undo')}
              </Button>
            </Form>
            {undone ? (
              <Alert
                type="info"
                showIcon
                role="status"
                className="result-block"
                data-testid="undo-result"
                title={t('personIndex.merge.undone', { mergeId: undone.mergeId, mergedId: undone.mergedId, survivorId: undone.survivorId })}
              />
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
