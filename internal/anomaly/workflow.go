package anomaly

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"shopdesk/db/sqldb"
	"shopdesk/internal/staff"
)

// Actor is who makes a change: a staff id, or 0 when nobody was chosen in the UI.
type actor struct {
	id   *int64
	name string
}

func lookupActor(ctx context.Context, q *sqldb.Queries, id int64) (actor, error) {
	if id == 0 {
		return actor{}, nil
	}
	s, err := staff.Get(ctx, q, id)
	if err != nil {
		return actor{}, err
	}
	return actor{id: &s.ID, name: s.Name}, nil
}

func (a actor) event(ctx context.Context, q *sqldb.Queries, anomalyID int64, now string, ev event) error {
	if err := q.InsertAnomalyEvent(ctx, sqldb.InsertAnomalyEventParams{AnomalyID: anomalyID, At: now,
		ActorID: a.id, ActorName: a.name, Action: ev.action, OldValue: ev.old, NewValue: ev.new, Note: ev.note}); err != nil {
		return fmt.Errorf("history of anomaly %d: %w", anomalyID, err)
	}
	return nil
}

const maxNoteRunes = 2000

func checkNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if n := utf8.RuneCountInString(note); n > maxNoteRunes {
		return "", fmt.Errorf("备注太长（%d 个字）：最多 %d 个字", n, maxNoteRunes)
	}
	return note, nil
}

// SetState moves the anomalies to state (bulk: several at once), with an optional note
// kept in their history. It returns how many changed.
func (s *Store) SetState(ctx context.Context, ids []int64, state string, actorID int64, note string) (int, error) {
	if !slices.Contains(States, state) {
		return 0, fmt.Errorf("未知的处理状态“%s”", state)
	}
	note, err := checkNote(note)
	if err != nil {
		return 0, err
	}
	resolution := ""
	if state == StateResolved || state == StateIgnored {
		resolution = ResolvedByUser
	}
	return s.eachAnomaly(ctx, ids, actorID, func(q *sqldb.Queries, a actor, w sqldb.GetAnomalyWorkflowRow, now string) (bool, error) {
		if w.State == state && note == "" {
			return false, nil
		}
		if w.State != state {
			if err := q.SetAnomalyState(ctx, sqldb.SetAnomalyStateParams{ID: w.ID, State: state, Resolution: resolution, Now: now}); err != nil {
				return false, fmt.Errorf("set state of anomaly %d: %w", w.ID, err)
			}
			if err := a.event(ctx, q, w.ID, now, event{ActionState, w.State, state, note}); err != nil {
				return false, err
			}
			return true, nil
		}
		return true, a.event(ctx, q, w.ID, now, event{ActionNote, "", "", note})
	})
}

// Assign gives the anomalies to an active staff member (ownerID 0: to nobody).
func (s *Store) Assign(ctx context.Context, ids []int64, ownerID, actorID int64) (int, error) {
	return s.eachAnomaly(ctx, ids, actorID, func(q *sqldb.Queries, a actor, w sqldb.GetAnomalyWorkflowRow, now string) (bool, error) {
		var owner *int64
		name := ""
		if ownerID != 0 {
			st, err := staff.Get(ctx, q, ownerID)
			if err != nil {
				return false, err
			}
			if !st.Active {
				return false, fmt.Errorf("员工“%s”已停用，不能再分配异常给他", st.Name)
			}
			owner, name = &st.ID, st.Name
		}
		if (w.OwnerID == nil && owner == nil) || (w.OwnerID != nil && owner != nil && *w.OwnerID == *owner) {
			return false, nil
		}
		if err := q.SetAnomalyOwner(ctx, sqldb.SetAnomalyOwnerParams{ID: w.ID, OwnerID: owner, Now: now}); err != nil {
			return false, fmt.Errorf("assign anomaly %d: %w", w.ID, err)
		}
		return true, a.event(ctx, q, w.ID, now, event{ActionOwner, w.OwnerName, name, ""})
	})
}

// AddNote adds a note to an anomaly's history.
func (s *Store) AddNote(ctx context.Context, id int64, text string, actorID int64) error {
	text, err := checkNote(text)
	if err != nil {
		return err
	}
	if text == "" {
		return errors.New("备注是空的")
	}
	_, err = s.eachAnomaly(ctx, []int64{id}, actorID, func(q *sqldb.Queries, a actor, w sqldb.GetAnomalyWorkflowRow, now string) (bool, error) {
		return true, a.event(ctx, q, w.ID, now, event{ActionNote, "", "", text})
	})
	return err
}

// eachAnomaly runs fn for every anomaly of ids in one transaction: all or none.
func (s *Store) eachAnomaly(ctx context.Context, ids []int64, actorID int64,
	fn func(*sqldb.Queries, actor, sqldb.GetAnomalyWorkflowRow, string) (bool, error)) (int, error) {
	if len(ids) == 0 {
		return 0, errors.New("没有选择任何异常")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := 0
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		a, err := lookupActor(ctx, q, actorID)
		if err != nil {
			return err
		}
		now := utcNow()
		seen := map[int64]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			w, err := q.GetAnomalyWorkflow(ctx, id)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("没有编号为 %s 的异常", strconv.FormatInt(id, 10))
			}
			if err != nil {
				return fmt.Errorf("read anomaly %d: %w", id, err)
			}
			ok, err := fn(q, a, w, now)
			if err != nil {
				return err
			}
			if ok {
				changed++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return changed, nil
}
