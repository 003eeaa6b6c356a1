// The worklist's changes of state and owner, for the selected rows or the focused one:
// asked who is working the first time, told when nothing changed, undoable when something did.
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignAnomalies, setAnomalyState, type Anomaly } from '../../api/anomalies';
import type { Staff } from '../../api/staff';
import { errorText } from '../../api/errors';
import { undoGroups } from './logic';

interface Deps {
  rows: Anomaly[];
  staff: Staff[];
  /** Who makes the change (asks the first time): useActorPrompt's ensure. */
  ensureActor: () => Promise<number | null>;
  /** The list changed: reload it. */
  changed: () => void;
  /** The button to show busy ('' when done). */
  setBusy: (what: string) => void;
}

export function useBulkChanges({ rows, staff, ensureActor, changed, setBusy }: Deps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  /** Runs a bulk change and offers to undo it (the previous values are on the rows). */
  const bulk = async (
    ids: number[],
    what: string,
    run: (actorId: number) => Promise<number>,
    undo: (actorId: number) => Promise<unknown>,
    done: (n: number) => string,
    unchanged: (n: number) => string,
  ) => {
    if (ids.length === 0) return;
    const actorId = await ensureActor(); // the first change asks who is working
    if (actorId === null) return;
    setBusy(what);
    try {
      const n = await run(actorId);
      changed();
      const key = 'anomalies-bulk'; // one undo offer at a time: the newest change's
      if (n === 0) {
        // Already so (P on a row 处理中): nothing to undo, and not a green success.
        message.info({ key, duration: 4, content: <span data-testid="anomalies-unchanged">{unchanged(ids.length)}</span> });
        return;
      }
      message.success({
        key,
        duration: 8,
        content: (
          <span data-testid="anomalies-done">
            {done(n)}
            <Button
              type="link"
              size="small"
              data-testid="anomalies-undo"
              onClick={async () => {
                message.destroy(key);
                try {
                  await undo(actorId);
                  message.success(t('anomalies.undone'));
                } catch (err) {
                  message.error(errorText(err, t('anomalies.actionFailed')));
                }
                changed();
              }}
            >
              {t('anomalies.undo')}
            </Button>
          </span>
        ),
      });
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('anomalies.actionFailed'))}</span>, duration: 6 });
    } finally {
      setBusy('');
    }
  };

  const setState = (ids: number[], state: string) => {
    const before = undoGroups(rows, ids, (a) => a.state);
    const name = t(`anomalies.state.${state}`);
    return bulk(
      ids,
      state,
      (actorId) => setAnomalyState(ids, state, actorId),
      async (actorId) => {
        for (const [s, group] of before) if (s !== state) await setAnomalyState(group, s, actorId);
      },
      (n) =>
        n < ids.length
          ? t('workbench.partlyChanged', { count: n, state: name, same: ids.length - n })
          : t('anomalies.bulkStateDone', { count: n, state: name }),
      (n) => t('workbench.unchanged', { count: n, state: name }),
    );
  };

  const assign = (ids: number[], owner: number) => {
    const before = undoGroups(rows, ids, (a) => a.ownerId);
    const name = staff.find((s) => s.id === owner)?.name ?? t('anomalies.unassigned');
    return bulk(
      ids,
      'assign',
      (actorId) => assignAnomalies(ids, owner, actorId),
      async (actorId) => {
        for (const [o, group] of before) if (o !== owner) await assignAnomalies(group, o, actorId);
      },
      (n) => (n < ids.length ? t('workbench.partlyAssigned', { count: n, name, same: ids.length - n }) : t('anomalies.bulkAssignDone', { count: n, name })),
      (n) => t('workbench.unchangedOwner', { count: n, name }),
    );
  };

  return { setState, assign };
}
