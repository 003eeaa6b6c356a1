-- Staff, rota, attendance and pay (internal/staff). Conventions: see migration 00014.

-- ---------------------------------------------------------------- people

-- name: ListStaff :many
SELECT s.id, s.name, s.role, s.active, s.note, s.level_id, s.pin_hash, s.joined_on, s.left_on,
       CAST(coalesce(l.name, '') AS TEXT) AS level_name, CAST(coalesce(l.base_fen, 0) AS INTEGER) AS base_fen
FROM staff s LEFT JOIN pay_level l ON l.id = s.level_id
ORDER BY s.active DESC, s.name;

-- name: GetStaff :one
SELECT s.id, s.name, s.role, s.active, s.note, s.level_id, s.pin_hash, s.joined_on, s.left_on,
       CAST(coalesce(l.name, '') AS TEXT) AS level_name, CAST(coalesce(l.base_fen, 0) AS INTEGER) AS base_fen
FROM staff s LEFT JOIN pay_level l ON l.id = s.level_id
WHERE s.id = sqlc.arg(id);

-- name: FindStaffByName :one
SELECT id FROM staff WHERE name = sqlc.arg(name);

-- name: CreateStaff :one
INSERT INTO staff (name, role, active, note, level_id, joined_on, left_on, created_batch_id, created_at, updated_at)
VALUES (sqlc.arg(name), sqlc.arg(role), sqlc.arg(active), sqlc.arg(note), sqlc.narg(level_id),
        sqlc.arg(joined_on), sqlc.arg(left_on), sqlc.narg(batch_id), sqlc.arg(now), sqlc.arg(now))
RETURNING id;

-- name: UpdateStaff :execrows
UPDATE staff SET name = sqlc.arg(name), role = sqlc.arg(role), active = sqlc.arg(active),
                 note = sqlc.arg(note), level_id = sqlc.narg(level_id), joined_on = sqlc.arg(joined_on),
                 left_on = sqlc.arg(left_on), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: SetStaffPIN :exec
UPDATE staff SET pin_hash = sqlc.arg(pin_hash), pin_failures = 0, pin_locked_until = '', updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: GetPINState :one
SELECT pin_hash, pin_failures, pin_locked_until FROM staff WHERE id = sqlc.arg(id);

-- name: SetPINFailures :exec
UPDATE staff SET pin_failures = sqlc.arg(failures), pin_locked_until = sqlc.arg(locked_until) WHERE id = sqlc.arg(id);

-- name: ListStaffAccounts :many
SELECT account, staff_id FROM staff_account ORDER BY staff_id, account;

-- name: ListAccountsOfStaff :many
SELECT account FROM staff_account WHERE staff_id = sqlc.arg(staff_id) ORDER BY account;

-- name: DeleteStaffAccounts :exec
DELETE FROM staff_account WHERE staff_id = sqlc.arg(staff_id);

-- name: InsertStaffAccount :exec
INSERT INTO staff_account (account, staff_id) VALUES (sqlc.arg(account), sqlc.arg(staff_id));

-- name: FindStaffByAccount :one
SELECT staff_id FROM staff_account WHERE account = sqlc.arg(account);

-- name: ListStaffOfBatch :many
SELECT id FROM staff WHERE created_batch_id = sqlc.arg(batch_id);

-- People an import added, still without anything else referring to them.
-- name: DeleteStaffOfBatch :execrows
DELETE FROM staff
WHERE created_batch_id = sqlc.arg(batch_id)
  AND id NOT IN (SELECT staff_id FROM rota_entry UNION SELECT staff_id FROM punch
                 UNION SELECT staff_id FROM rota_change UNION SELECT staff_id FROM service_incident
                 UNION SELECT staff_id FROM staff_leave UNION SELECT staff_id FROM punch_correction
                 UNION SELECT staff_id FROM pay_input UNION SELECT staff_a FROM shift_swap
                 UNION SELECT staff_b FROM shift_swap);

-- ---------------------------------------------------------------- pay levels

-- name: ListLevels :many
SELECT l.id, l.name, l.base_fen, l.sort,
       CAST((SELECT count(*) FROM staff s WHERE s.level_id = l.id) AS INTEGER) AS staff_count
FROM pay_level l ORDER BY l.sort, l.id;

-- name: CreateLevel :one
INSERT INTO pay_level (name, base_fen, sort, created_at, updated_at)
VALUES (sqlc.arg(name), sqlc.arg(base_fen), (SELECT coalesce(max(sort), 0) + 1 FROM pay_level), sqlc.arg(now), sqlc.arg(now))
RETURNING id;

-- name: UpdateLevel :execrows
UPDATE pay_level SET name = sqlc.arg(name), base_fen = sqlc.arg(base_fen), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: DeleteLevel :execrows
DELETE FROM pay_level
WHERE pay_level.id = sqlc.arg(id) AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.level_id = pay_level.id);

-- name: FindLevelByName :one
SELECT id FROM pay_level WHERE name = sqlc.arg(name);

-- ---------------------------------------------------------------- shifts

-- name: ListShifts :many
SELECT id, name, short, start_min, end_min, need, sort, active FROM shift ORDER BY active DESC, sort, id;

-- name: CreateShift :one
INSERT INTO shift (name, short, start_min, end_min, need, sort, active, created_at, updated_at)
VALUES (sqlc.arg(name), sqlc.arg(short), sqlc.arg(start_min), sqlc.arg(end_min), sqlc.arg(need),
        (SELECT coalesce(max(sort), 0) + 1 FROM shift), sqlc.arg(active), sqlc.arg(now), sqlc.arg(now))
RETURNING id;

-- name: UpdateShift :execrows
UPDATE shift SET name = sqlc.arg(name), short = sqlc.arg(short), start_min = sqlc.arg(start_min),
                 end_min = sqlc.arg(end_min), need = sqlc.arg(need), active = sqlc.arg(active), updated_at = sqlc.arg(now)
WHERE id = sqlc.arg(id);

-- name: ShiftNameTaken :one
SELECT CAST(count(*) AS INTEGER) FROM shift
WHERE id <> sqlc.arg(id) AND (name = sqlc.arg(name) OR short = sqlc.arg(short));

-- ---------------------------------------------------------------- rota

-- name: ListRotaEntries :many
SELECT staff_id, day, shift_id FROM rota_entry
WHERE day >= sqlc.arg(from_day) AND day <= sqlc.arg(to_day)
ORDER BY staff_id, day, shift_id;

-- name: ListRotaCell :many
SELECT shift_id FROM rota_entry WHERE staff_id = sqlc.arg(staff_id) AND day = sqlc.arg(day) ORDER BY shift_id;

-- name: DeleteRotaCell :exec
DELETE FROM rota_entry WHERE staff_id = sqlc.arg(staff_id) AND day = sqlc.arg(day);

-- name: InsertRotaEntry :exec
INSERT INTO rota_entry (staff_id, day, shift_id, batch_id, created_at)
VALUES (sqlc.arg(staff_id), sqlc.arg(day), sqlc.narg(shift_id), sqlc.narg(batch_id), sqlc.arg(now));

-- name: InsertRotaChange :exec
INSERT INTO rota_change (staff_id, day, old_value, new_value, source, batch_id, at)
VALUES (sqlc.arg(staff_id), sqlc.arg(day), sqlc.arg(old_value), sqlc.arg(new_value), sqlc.arg(source),
        sqlc.narg(batch_id), sqlc.arg(at));

-- An import's rota changes, newest first: undoing puts each old value back.
-- name: ListRotaChangesOfBatch :many
SELECT id, staff_id, day, old_value, new_value FROM rota_change WHERE batch_id = sqlc.arg(batch_id) ORDER BY id DESC;

-- A change to a cell after the import's: undoing the import would throw it away.
-- name: LaterRotaChange :one
SELECT CAST(count(*) AS INTEGER) FROM rota_change c
WHERE c.id > sqlc.arg(after_id) AND (c.batch_id IS NULL OR c.batch_id <> sqlc.arg(batch_id))
  AND EXISTS (SELECT 1 FROM rota_change b WHERE b.batch_id = sqlc.arg(batch_id)
              AND b.staff_id = c.staff_id AND b.day = c.day);

-- name: DeleteRotaChangesOfStaff :exec
DELETE FROM rota_change WHERE staff_id = sqlc.arg(staff_id);

-- name: DeleteRotaChangesOfBatch :exec
DELETE FROM rota_change WHERE batch_id = sqlc.arg(batch_id);

-- ---------------------------------------------------------------- punches

-- name: ListPunches :many
SELECT p.id, p.staff_id, p.at, p.kind, p.source, p.note, p.recorded_at, p.batch_id
FROM punch p
WHERE p.voided_at = '' AND p.at >= sqlc.arg(from_at) AND p.at < sqlc.arg(to_at)
ORDER BY p.staff_id, p.at, p.id;

-- name: GetPunch :one
SELECT id, staff_id, at, kind, source, note, recorded_at, batch_id, voided_at FROM punch WHERE id = sqlc.arg(id);

-- name: LastPunchOfStaff :one
SELECT id, at, kind FROM punch WHERE staff_id = sqlc.arg(staff_id) AND voided_at = '' ORDER BY at DESC, id DESC LIMIT 1;

-- name: FindPunch :one
SELECT id FROM punch WHERE staff_id = sqlc.arg(staff_id) AND at = sqlc.arg(at) AND kind = sqlc.arg(kind) AND voided_at = '' LIMIT 1;

-- name: InsertPunch :one
INSERT INTO punch (staff_id, at, kind, source, note, recorded_at, batch_id)
VALUES (sqlc.arg(staff_id), sqlc.arg(at), sqlc.arg(kind), sqlc.arg(source), sqlc.arg(note),
        sqlc.arg(recorded_at), sqlc.narg(batch_id))
RETURNING id;

-- name: VoidPunch :execrows
UPDATE punch SET voided_at = sqlc.arg(now) WHERE id = sqlc.arg(id) AND voided_at = '';

-- name: DeletePunchesOfBatch :execrows
DELETE FROM punch WHERE batch_id = sqlc.arg(batch_id);

-- Corrections touching an import's punches: the import cannot be undone under them.
-- name: CorrectionsOfBatch :one
SELECT CAST(count(*) AS INTEGER) FROM punch_correction c JOIN punch p ON p.id = c.old_punch_id
WHERE p.batch_id = sqlc.arg(batch_id);

-- name: InsertCorrection :one
INSERT INTO punch_correction (staff_id, action, old_punch_id, new_punch_id, old_at, old_kind, new_at, new_kind,
                              reason, owner_id, owner_name, at)
VALUES (sqlc.arg(staff_id), sqlc.arg(action), sqlc.narg(old_punch_id), sqlc.narg(new_punch_id), sqlc.arg(old_at),
        sqlc.arg(old_kind), sqlc.arg(new_at), sqlc.arg(new_kind), sqlc.arg(reason), sqlc.narg(owner_id),
        sqlc.arg(owner_name), sqlc.arg(at))
RETURNING id;

-- Corrections whose old or new time falls in [from_at, to_at).
-- name: ListCorrections :many
SELECT c.id, c.staff_id, s.name AS staff_name, c.action, c.old_at, c.old_kind, c.new_at, c.new_kind, c.reason,
       c.owner_name, c.at
FROM punch_correction c JOIN staff s ON s.id = c.staff_id
WHERE (c.old_at >= sqlc.arg(from_at) AND c.old_at < sqlc.arg(to_at)) OR (c.new_at >= sqlc.arg(from_at) AND c.new_at < sqlc.arg(to_at))
ORDER BY c.id DESC;

-- ---------------------------------------------------------------- leave and swaps

-- name: ListLeaves :many
SELECT l.id, l.staff_id, s.name AS staff_name, l.type, l.from_day, l.to_day, l.approved_name, l.note, l.created_at,
       l.cancelled_at
FROM staff_leave l JOIN staff s ON s.id = l.staff_id
WHERE l.from_day <= sqlc.arg(to_day) AND l.to_day >= sqlc.arg(from_day)
ORDER BY l.from_day, l.id;

-- name: GetLeave :one
SELECT id, staff_id, from_day, to_day, cancelled_at FROM staff_leave WHERE id = sqlc.arg(id);

-- name: InsertLeave :one
INSERT INTO staff_leave (staff_id, type, from_day, to_day, approved_by, approved_name, note, created_at)
VALUES (sqlc.arg(staff_id), sqlc.arg(type), sqlc.arg(from_day), sqlc.arg(to_day), sqlc.narg(approved_by),
        sqlc.arg(approved_name), sqlc.arg(note), sqlc.arg(now))
RETURNING id;

-- name: CancelLeave :execrows
UPDATE staff_leave SET cancelled_at = sqlc.arg(now) WHERE id = sqlc.arg(id) AND cancelled_at = '';

-- name: InsertSwap :one
INSERT INTO shift_swap (day, staff_a, staff_b, cell_a, cell_b, approved_by, approved_name, note, created_at)
VALUES (sqlc.arg(day), sqlc.arg(staff_a), sqlc.arg(staff_b), sqlc.arg(cell_a), sqlc.arg(cell_b),
        sqlc.narg(approved_by), sqlc.arg(approved_name), sqlc.arg(note), sqlc.arg(now))
RETURNING id;

-- name: ListSwaps :many
SELECT w.id, w.day, w.staff_a, a.name AS name_a, w.staff_b, b.name AS name_b, w.cell_a, w.cell_b,
       w.approved_name, w.note, w.created_at
FROM shift_swap w JOIN staff a ON a.id = w.staff_a JOIN staff b ON b.id = w.staff_b
WHERE w.day >= sqlc.arg(from_day) AND w.day <= sqlc.arg(to_day)
ORDER BY w.day, w.id;

-- ---------------------------------------------------------------- handover book

-- name: ListHandovers :many
SELECT h.id, h.day, h.shift_id, CAST(coalesce(sh.name, '') AS TEXT) AS shift_name, h.writer_id, h.writer_name,
       h.orders, h.buyers, h.anomalies, h.note, h.written_at, h.ack_name, h.ack_at
FROM handover h LEFT JOIN shift sh ON sh.id = h.shift_id
ORDER BY (h.ack_at = '') DESC, h.id DESC
LIMIT sqlc.arg(lim);

-- name: CountOpenHandovers :one
SELECT CAST(count(*) AS INTEGER) FROM handover WHERE ack_at = '';

-- name: InsertHandover :one
INSERT INTO handover (day, shift_id, writer_id, writer_name, orders, buyers, anomalies, note, written_at)
VALUES (sqlc.arg(day), sqlc.narg(shift_id), sqlc.arg(writer_id), sqlc.arg(writer_name), sqlc.arg(orders),
        sqlc.arg(buyers), sqlc.arg(anomalies), sqlc.arg(note), sqlc.arg(now))
RETURNING id;

-- name: GetHandoverWriter :one
SELECT writer_id, ack_at FROM handover WHERE id = sqlc.arg(id);

-- name: AckHandover :execrows
UPDATE handover SET ack_by = sqlc.arg(ack_by), ack_name = sqlc.arg(ack_name), ack_at = sqlc.arg(now)
WHERE id = sqlc.arg(id) AND ack_at = '';

-- ---------------------------------------------------------------- service penalties

-- name: ListIncidents :many
SELECT i.id, i.staff_id, s.name AS staff_name, i.day, i.kind, i.count, i.note, i.batch_id
FROM service_incident i JOIN staff s ON s.id = i.staff_id
WHERE i.day >= sqlc.arg(from_day) AND i.day <= sqlc.arg(to_day)
ORDER BY i.day, i.id;

-- name: GetIncident :one
SELECT id, staff_id, day FROM service_incident WHERE id = sqlc.arg(id);

-- name: InsertIncident :one
INSERT INTO service_incident (staff_id, day, kind, count, note, batch_id, created_at)
VALUES (sqlc.arg(staff_id), sqlc.arg(day), sqlc.arg(kind), sqlc.arg(count), sqlc.arg(note), sqlc.narg(batch_id), sqlc.arg(now))
RETURNING id;

-- name: DeleteIncident :execrows
DELETE FROM service_incident WHERE id = sqlc.arg(id);

-- The days of an import's service penalties (undo refuses a closed month).
-- name: ListIncidentDaysOfBatch :many
SELECT DISTINCT day FROM service_incident WHERE batch_id = sqlc.arg(batch_id) ORDER BY day;

-- What a person already has of a penalty kind on a day (an import of the same statistics
-- again writes nothing).
-- name: IncidentTotal :one
SELECT CAST(coalesce(sum(count), 0) AS INTEGER) AS total FROM service_incident
WHERE staff_id = sqlc.arg(staff_id) AND day = sqlc.arg(day) AND kind = sqlc.arg(kind);

-- name: DeleteIncidentsOfBatch :execrows
DELETE FROM service_incident WHERE batch_id = sqlc.arg(batch_id);

-- ---------------------------------------------------------------- monthly pay

-- name: ListPayInputs :many
SELECT staff_id, team_score, set_by, set_at FROM pay_input WHERE month = sqlc.arg(month);

-- name: PutTeamScore :exec
INSERT INTO pay_input (month, staff_id, team_score, set_by, set_at)
VALUES (sqlc.arg(month), sqlc.arg(staff_id), sqlc.narg(team_score), sqlc.arg(set_by), sqlc.arg(now))
ON CONFLICT (month, staff_id) DO UPDATE SET team_score = excluded.team_score, set_by = excluded.set_by,
                                             set_at = excluded.set_at;

-- name: GetPayMonth :one
SELECT month, closed_at, closed_name, payslips FROM pay_month WHERE month = sqlc.arg(month);

-- name: InsertPayMonth :exec
INSERT INTO pay_month (month, closed_at, closed_by, closed_name, payslips)
VALUES (sqlc.arg(month), sqlc.arg(now), sqlc.arg(closed_by), sqlc.arg(closed_name), sqlc.arg(payslips));

-- name: DeletePayMonth :execrows
DELETE FROM pay_month WHERE month = sqlc.arg(month);

-- name: InsertPayMonthEvent :exec
INSERT INTO pay_month_event (month, action, actor_id, actor_name, reason, payslips, at)
VALUES (sqlc.arg(month), sqlc.arg(action), sqlc.arg(actor_id), sqlc.arg(actor_name), sqlc.arg(reason),
        sqlc.arg(payslips), sqlc.arg(now));

-- name: ListPayMonthEvents :many
SELECT id, action, actor_name, reason, at FROM pay_month_event WHERE month = sqlc.arg(month) ORDER BY id;
