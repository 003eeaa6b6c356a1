package staff

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"shopdesk/db/sqldb"
)

// A PIN is 4 to 8 digits, typed on the shop PC to clock in. It is kept only as a salted
// PBKDF2-SHA256 hash. A short PIN is weak against someone holding the database file; what
// protects it at the clock is the throttle below (the hash cost makes guessing through
// the app slow as well).
const (
	pinIterations = 100_000 // about 40 ms per check on the shop PC class of machine
	pinMinDigits  = 4
	pinMaxDigits  = 8
	// maxPINFailures wrong PINs in a row lock the person's PIN for pinLock: a colleague
	// trying PINs at the shop PC gets 5 tries per 5 minutes, about 1,400 a day against
	// the 10,000 four-digit PINs.
	maxPINFailures = 5
	pinLock        = 5 * time.Minute
)

// Auth is a person proving who they are at the shop PC: their staff id and PIN.
type Auth struct {
	StaffID int64  `json:"staffId"`
	PIN     string `json:"pin"`
}

func checkPINFormat(pin string) error {
	if len(pin) < pinMinDigits || len(pin) > pinMaxDigits || strings.Trim(pin, "0123456789") != "" {
		return fmt.Errorf("PIN 必须是 %d 到 %d 位数字", pinMinDigits, pinMaxDigits)
	}
	return nil
}

func hashPIN(pin string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("pin salt: %w", err)
	}
	key, err := pbkdf2.Key(sha256.New, pin, salt, pinIterations, 32)
	if err != nil {
		return "", fmt.Errorf("pin hash: %w", err)
	}
	enc := base64.RawStdEncoding
	return fmt.Sprintf("pbkdf2-sha256$%d$%s$%s", pinIterations, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// pinMatches compares pin with a stored hash in constant time.
func pinMatches(stored, pin string) bool {
	parts := strings.Split(stored, "$")
	if len(parts) != 4 || parts[0] != "pbkdf2-sha256" {
		return false
	}
	iter, err := strconv.Atoi(parts[1])
	if err != nil || iter < 1 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[2])
	want, err2 := enc.DecodeString(parts[3])
	if err1 != nil || err2 != nil {
		return false
	}
	got, err := pbkdf2.Key(sha256.New, pin, salt, iter, len(want))
	return err == nil && subtle.ConstantTimeCompare(got, want) == 1
}

func setPIN(ctx context.Context, q *sqldb.Queries, id int64, pin string) error {
	if err := checkPINFormat(pin); err != nil {
		return err
	}
	h, err := hashPIN(pin)
	if err != nil {
		return err
	}
	if err := q.SetStaffPIN(ctx, sqldb.SetStaffPINParams{ID: id, PinHash: h, Now: utcNow()}); err != nil {
		return fmt.Errorf("set pin of %d: %w", id, err)
	}
	return nil
}

// ErrPIN is a wrong PIN (the message does not say whose PIN it was, if anyone's).
var ErrPIN = errors.New("PIN 不对")

// Verify checks a person's PIN and returns the person. Wrong PINs are counted (committed
// even though the caller fails) and lock the PIN for a while after maxPINFailures.
func (s *Store) Verify(ctx context.Context, a Auth) (Staff, error) {
	q := s.db.Queries()
	if a.StaffID == 0 {
		return Staff{}, errors.New("请先选择姓名")
	}
	st, err := Get(ctx, q, a.StaffID)
	if err != nil {
		return Staff{}, err
	}
	if !st.Active {
		return Staff{}, fmt.Errorf("员工“%s”已停用", st.Name)
	}
	state, err := q.GetPINState(ctx, a.StaffID)
	if errors.Is(err, sql.ErrNoRows) {
		return Staff{}, fmt.Errorf("没有编号为 %d 的员工", a.StaffID)
	}
	if err != nil {
		return Staff{}, fmt.Errorf("pin of %d: %w", a.StaffID, err)
	}
	if state.PinHash == "" {
		return Staff{}, fmt.Errorf("“%s”还没有 PIN：请在 设置 → 员工 里设置", st.Name)
	}
	now := s.now().UTC()
	if state.PinLockedUntil != "" {
		until, err := time.Parse(wallLayout, state.PinLockedUntil)
		if err == nil && now.Before(until) {
			mins := int(math.Ceil(until.Sub(now).Minutes()))
			return Staff{}, fmt.Errorf("“%s”的 PIN 连续输错 %d 次，请 %d 分钟后再试", st.Name, maxPINFailures, mins)
		}
	}
	if pinMatches(state.PinHash, a.PIN) {
		if state.PinFailures != 0 || state.PinLockedUntil != "" {
			if err := q.SetPINFailures(ctx, sqldb.SetPINFailuresParams{ID: a.StaffID, Failures: 0, LockedUntil: ""}); err != nil {
				return Staff{}, fmt.Errorf("pin of %d: %w", a.StaffID, err)
			}
		}
		return st, nil
	}
	failures, locked := state.PinFailures+1, ""
	if failures >= maxPINFailures {
		failures, locked = 0, now.Add(pinLock).Format(wallLayout)
	}
	if err := q.SetPINFailures(ctx, sqldb.SetPINFailuresParams{ID: a.StaffID, Failures: failures, LockedUntil: locked}); err != nil {
		return Staff{}, fmt.Errorf("pin of %d: %w", a.StaffID, err)
	}
	if locked != "" {
		return Staff{}, fmt.Errorf("%w：“%s”的 PIN 连续输错 %d 次，请 %d 分钟后再试", ErrPIN, st.Name, maxPINFailures, int(pinLock.Minutes()))
	}
	return Staff{}, fmt.Errorf("%w：请“%s”重新输入自己的 PIN（再错 %d 次将锁定 %d 分钟）", ErrPIN, st.Name,
		maxPINFailures-failures, int(pinLock.Minutes()))
}

// Owner checks that a is an active owner with the right PIN: corrections, team scores, the
// pay rules and closing a month are the owner's.
func (s *Store) Owner(ctx context.Context, a Auth) (Staff, error) {
	if a.StaffID == 0 {
		return Staff{}, errors.New("这一步需要老板确认：请选择老板的姓名并输入 PIN")
	}
	st, err := Get(ctx, s.db.Queries(), a.StaffID)
	if err != nil {
		return Staff{}, err
	}
	if st.Role != RoleOwner {
		return Staff{}, fmt.Errorf("这一步只有老板能做：“%s”的岗位是%s", st.Name, RoleName[st.Role])
	}
	return s.Verify(ctx, a)
}
