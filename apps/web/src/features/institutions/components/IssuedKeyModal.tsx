import { useId, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Input, Modal, Typography, type GetRef } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IssuedCredential } from '@rhip/contracts';

interface IssuedKeyModalProps {
  /** The key just issued or rotated; null closes the modal. */
  issued: IssuedCredential | null;
  rotated: boolean;
  institutionName: string;
  onClose: () => void;
}

/**
 * Shows a new API key once. Only its hash is stored: after this modal closes
 * the key is gone from the page (the caller drops it) and cannot be shown again.
 * It does not close on a click outside or Escape, so it is not lost by accident.
 */
export function IssuedKeyModal({ issued, rotated, institutionName, onClose }: IssuedKeyModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [copied, setCopied] = useState(false);
  const textRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const keyLabelId = useId();

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.key);
      setCopied(true);
      void message.success(t('institutions.keys.copied'));
    } catch {
      // No clipboard permission (or not a secure context): select the key so Ctrl+C copies it.
      const el = textRef.current?.resizableTextArea?.textArea;
      el?.focus();
      el?.select();
      void message.info(t('institutions.keys.copyManually'));
    }
  };

  const close = () => {
    setCopied(false);
    onClose();
  };

  return (
    <Modal
      open={issued !== null}
      title={rotated ? t('institutions.keys.rotatedTitle') : t('institutions.keys.issuedTitle')}
      onCancel={close}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      width={600}
      footer={
        <Button type="primary" onClick={close} data-testid="close-issued-key">
          {t('institutions.keys.savedClose')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={t('institutions.keys.onceTitle')} description={t('institutions.keys.onceWarning')} />
        <div>
          <Typography.Text id={keyLabelId} strong>
            {t('institutions.keys.keyFor', { name: institutionName })}
          </Typography.Text>
          <Input.TextArea
            ref={textRef}
            aria-labelledby={keyLabelId}
            data-testid="issued-key"
            value={issued?.key ?? ''}
            readOnly
            autoSize
            spellCheck={false}
            className="mono issued-key"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="muted-small">{t('institutions.keys.prefixNote', { prefix: issued?.keyPrefix ?? '' })}</div>
        </div>
        <Flex gap={12} align="center">
          <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
            {copied ? t('institutions.keys.copiedButton') : t('institutions.keys.copy')}
          </Button>
          <Typography.Text type="secondary" className="muted-small">
            {t('institutions.keys.usage')}
          </Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  );
}
