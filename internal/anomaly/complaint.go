package anomaly

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"shopdesk/db/sqldb"
	"shopdesk/internal/shop"
)

// Complaint channels and severities (complaint.channel, complaint.severity).
var (
	Channels   = []string{"platform", "chat", "phone", "wechat", "regulator", "other"}
	Severities = []string{"normal", "serious", "urgent"}
)

// Complaint is one entry of the complaints register (投诉登记). ReceivedAt is shop-local.
type Complaint struct {
	ID         int64  `json:"id"`
	ShopID     int64  `json:"shopId"`
	OrderNo    string `json:"orderNo"`
	Buyer      string `json:"buyer"`
	Channel    string `json:"channel"`
	Severity   string `json:"severity"`
	Content    string `json:"content"`
	ReceivedAt string `json:"receivedAt"`
	CreatedAt  string `json:"createdAt"`
}

// AddComplaint registers a complaint; the complaint rule makes it an anomaly to handle
// within the complaint hours of 设置 (Evaluate). ReceivedAt "" means now in the shop.
func (s *Store) AddComplaint(ctx context.Context, c Complaint, actorID int64, now time.Time) (int64, error) {
	c.OrderNo, c.Buyer, c.Content = strings.TrimSpace(c.OrderNo), strings.TrimSpace(c.Buyer), strings.TrimSpace(c.Content)
	switch {
	case c.Content == "":
		return 0, errors.New("请填写投诉内容")
	case utf8.RuneCountInString(c.Content) > maxNoteRunes:
		return 0, fmt.Errorf("投诉内容太长：最多 %d 个字", maxNoteRunes)
	case !slices.Contains(Channels, c.Channel):
		return 0, fmt.Errorf("未知的投诉渠道“%s”", c.Channel)
	case !slices.Contains(Severities, c.Severity):
		return 0, fmt.Errorf("未知的严重程度“%s”", c.Severity)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var id int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) error {
		sh, err := q.ShopForComplaint(ctx, c.ShopID)
		if errors.Is(err, sql.ErrNoRows) {
			return errors.New("请选择投诉所属的店铺")
		}
		if err != nil {
			return fmt.Errorf("add complaint: %w", err)
		}
		received := strings.TrimSpace(c.ReceivedAt)
		if received == "" {
			loc, err := time.LoadLocation(sh.Timezone)
			if err != nil {
				loc, _ = time.LoadLocation(shop.DefaultTimezone)
			}
			received = now.In(loc).Format(wallLayout)
		} else {
			t, err := ParseWall(received)
			if err != nil {
				return fmt.Errorf("投诉时间：%w", err)
			}
			received = t.Format(wallLayout)
		}
		a, err := lookupActor(ctx, q, actorID)
		if err != nil {
			return err
		}
		id, err = q.CreateComplaint(ctx, sqldb.CreateComplaintParams{ShopID: sh.ID, Platform: sh.Platform, ShopName: sh.Name,
			OrderNo: c.OrderNo, Buyer: c.Buyer, Channel: c.Channel, Severity: c.Severity, Content: c.Content,
			ReceivedAt: received, CreatedBy: a.id, Now: utcNow()})
		if err != nil {
			return fmt.Errorf("add complaint: %w", err)
		}
		return nil
	})
	return id, err
}

// DeleteComplaint takes back a complaint entered by mistake: it stays in the register,
// marked deleted, and its anomaly is resolved at the next evaluation.
func (s *Store) DeleteComplaint(ctx context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	err := s.db.InTx(ctx, func(_ *sql.Tx, q *sqldb.Queries) (err error) {
		n, err = q.DeleteComplaint(ctx, sqldb.DeleteComplaintParams{ID: id, Now: utcNow()})
		return err
	})
	if err != nil {
		return fmt.Errorf("delete complaint %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("没有编号为 %d 的投诉（可能已经删除）", id)
	}
	return nil
}
