/*
 * "是谁在处理？": asked once, by the first change made while 我是 is 未选择, so that the
 * history does not fill with 未署名. The choice is kept on this computer (logic.saveActor);
 * the change then goes ahead as that person.
 *
 * data-testid: actor-prompt (the dialog), actor-prompt-staff (one button per active staff
 * member, data-name), actor-prompt-anonymous (no staff yet: go on unsigned),
 * actor-prompt-add-staff, actor-prompt-cancel
 */
import { useCallback, useRef, useState } from 'react';
import { Button, Flex, Modal, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../api/staff';
import { useAppData } from '../../state/AppData';

/**
 * ensure() resolves with the staff id changes are made as: the chosen one at once, or after
 * asking (0: unsigned, when there is nobody to choose; null: the seller cancelled).
 */
export function useActorPrompt(actor: number, staff: Staff[], choose: (id: number) => void) {
  const active = staff.filter((s) => s.active);
  const [asking, setAsking] = useState(false);
  const [unsigned, setUnsigned] = useState(false); // "continue unsigned" holds for this visit
  const pending = useRef<((id: number | null) => void) | null>(null);

  const known = active.some((s) => s.id === actor);
  const ensure = useCallback((): Promise<number | null> => {
    if (known) return Promise.resolve(actor);
    if (unsigned && active.length === 0) return Promise.resolve(0);
    return new Promise((resolve) => {
      pending.current?.(null);
      pending.current = resolve;
      setAsking(true);
    });
  }, [known, actor, unsigned, active.length]);

  const answer = (id: number | null) => {
    setAsking(false);
    if (id !== null && id > 0) choose(id);
    if (id === 0) setUnsigned(true);
    pending.current?.(id);
    pending.current = null;
  };

  const prompt = <ActorPromptModal open={asking} staff={active} onAnswer={answer} />;
  return { ensure, prompt, asking };
}

function ActorPromptModal({ open, staff, onAnswer }: { open: boolean; staff: Staff[]; onAnswer: (id: number | null) => void }) {
  const { t } = useTranslation();
  const { navigate } = useAppData();
  return (
    <Modal
      open={open}
      title={t('workbench.who.title')}
      onCancel={() => onAnswer(null)}
      footer={
        <Button data-testid="actor-prompt-cancel" onClick={() => onAnswer(null)}>
          {t('workbench.who.cancel')}
        </Button>
      }
      destroyOnHidden
      width={480}
    >
      <div data-testid="actor-prompt">
        {staff.length > 0 ? (
          <>
            <Typography.Paragraph type="secondary">{t('workbench.who.body')}</Typography.Paragraph>
            <Flex wrap gap={8}>
              {staff.map((s, i) => (
                <Button
                  key={s.id}
                  size="large"
                  icon={<UserOutlined />}
                  autoFocus={i === 0}
                  data-testid="actor-prompt-staff"
                  data-name={s.name}
                  onClick={() => onAnswer(s.id)}
                >
                  {s.name}
                </Button>
              ))}
            </Flex>
          </>
        ) : (
          <>
            <Typography.Paragraph>{t('workbench.who.noStaff')}</Typography.Paragraph>
            <Flex gap={8}>
              <Button type="primary" autoFocus data-testid="actor-prompt-anonymous" onClick={() => onAnswer(0)}>
                {t('workbench.who.anonymous')}
              </Button>
              <Button
                data-testid="actor-prompt-add-staff"
                onClick={() => {
                  onAnswer(null);
                  navigate('settings');
                }}
              >
                {t('workbench.who.addStaff')}
              </Button>
            </Flex>
          </>
        )}
      </div>
    </Modal>
  );
}
