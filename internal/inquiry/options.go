package inquiry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"shopdesk/db/sqldb"
)

// Option is one entry of an editable list.
type Option struct {
	ID       int64  `json:"id"`
	List     string `json:"list"`
	Name     string `json:"name"`
	Position int64  `json:"position"`
	Active   bool   `json:"active"`
}

// Options returns every list's entries in their order (inactive ones too: the lists page
// shows them greyed; the entry offers only the active ones).
func (s *Store) Options(ctx context.Context) ([]Option, error) {
	rows, err := s.db.Queries().ListInquiryOptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("inquiry lists: %w", err)
	}
	out := make([]Option, 0, len(rows))
	for _, r := range rows {
		out = append(out, Option{ID: r.ID, List: r.List, Name: r.Name, Position: r.Position, Active: r.Active == 1})
	}
	return out, nil
}

// SaveOption adds (ID 0) or changes an entry of a list. A rename renames the value in the
// register's rows too (they are the same choice: the analysis groups them as one); it
// returns how many rows it renamed. Entries are made inactive, never deleted.
func (s *Store) SaveOption(ctx context.Context, o Option) (Option, int64, error) {
	o.Name = strings.TrimSpace(o.Name)
	switch {
	case !slices.Contains(Lists, o.List):
		return Option{}, 0, fmt.Errorf("没有名为“%s”的列表", o.List)
	case o.Name == "":
		return Option{}, 0, fmt.Errorf("%s不能为空", ListName[o.List])
	case tooLong(o.Name, maxShort):
		return Option{}, 0, fmt.Errorf("%s“%s”太长：最多 %d 个字", ListName[o.List], o.Name, maxShort)
	case o.List == ListReason && o.Name == ReasonMissing:
		return Option{}, 0, fmt.Errorf("“%s”是导入时缺少原因的行用的，不能作为原因加入列表", ReasonMissing)
	}
	var renamed int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		other, err := q.FindInquiryOption(ctx, sqldb.FindInquiryOptionParams{List: o.List, Name: o.Name})
		if err == nil && other != o.ID {
			return fmt.Errorf("%s里已经有“%s”了", ListName[o.List], o.Name)
		} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("find option %s: %w", o.Name, err)
		}
		if o.ID == 0 {
			if err := q.AddInquiryOption(ctx, sqldb.AddInquiryOptionParams{List: o.List, Name: o.Name}); err != nil {
				return fmt.Errorf("add option %s: %w", o.Name, err)
			}
			id, err := q.FindInquiryOption(ctx, sqldb.FindInquiryOptionParams{List: o.List, Name: o.Name})
			if err != nil {
				return fmt.Errorf("add option %s: %w", o.Name, err)
			}
			r, err := q.GetInquiryOption(ctx, id)
			o = Option{ID: r.ID, List: r.List, Name: r.Name, Position: r.Position, Active: r.Active == 1}
			return err
		}
		old, err := q.GetInquiryOption(ctx, o.ID)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && old.List != o.List) {
			return fmt.Errorf("没有编号为 %d 的%s", o.ID, ListName[o.List])
		} else if err != nil {
			return fmt.Errorf("option %d: %w", o.ID, err)
		}
		active := int64(0)
		if o.Active {
			active = 1
		}
		if err := q.UpdateInquiryOption(ctx, sqldb.UpdateInquiryOptionParams{ID: o.ID, Name: o.Name,
			Position: o.Position, Active: active}); err != nil {
			return fmt.Errorf("save option %d: %w", o.ID, err)
		}
		if old.Name != o.Name {
			p := map[string]func(context.Context, string, string, string) (int64, error){
				ListCustomerType: func(ctx context.Context, o, n, now string) (int64, error) {
					return q.RenameInquiryCustomerType(ctx, sqldb.RenameInquiryCustomerTypeParams{OldName: o, NewName: n, Now: now})
				},
				ListChannel: func(ctx context.Context, o, n, now string) (int64, error) {
					return q.RenameInquiryChannel(ctx, sqldb.RenameInquiryChannelParams{OldName: o, NewName: n, Now: now})
				},
				ListReason: func(ctx context.Context, o, n, now string) (int64, error) {
					return q.RenameInquiryReason(ctx, sqldb.RenameInquiryReasonParams{OldName: o, NewName: n, Now: now})
				},
				ListDealType: func(ctx context.Context, o, n, now string) (int64, error) {
					return q.RenameInquiryDealType(ctx, sqldb.RenameInquiryDealTypeParams{OldName: o, NewName: n, Now: now})
				},
			}[o.List]
			if renamed, err = p(ctx, old.Name, o.Name, utcNow()); err != nil {
				return fmt.Errorf("rename %s %s: %w", o.List, old.Name, err)
			}
		}
		return nil
	})
	return o, renamed, err
}
