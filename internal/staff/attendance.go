package staff

import (
	"slices"
	"time"
)

// Punch kinds and sources.
const (
	PunchIn  = "in"
	PunchOut = "out"
	PunchRaw = "" // an attendance export's raw punch: in or out by the shift it falls in

	SourceClock      = "clock"
	SourceImport     = "import"
	SourceCorrection = "correction"
)

// Punch is one clock-in or clock-out (a shop-local wall time).
type Punch struct {
	ID      int64  `json:"id"`
	StaffID int64  `json:"staffId"`
	At      string `json:"at"`
	Kind    string `json:"kind"`
	Source  string `json:"source"`
	Note    string `json:"note"`
	at      time.Time
}

// Statuses of a rostered shift.
const (
	StatusPending = "pending" // not over yet, nothing punched
	StatusWorked  = "worked"  // punched (see the late, early and missing fields)
	StatusAbsent  = "absent"  // over, no punch, no leave
	StatusLeave   = "leave"   // on leave that day
)

// ShiftRecord is one rostered shift of one person as attended.
type ShiftRecord struct {
	StaffID    int64  `json:"staffId"`
	Day        string `json:"day"` // the day the shift starts on
	ShiftID    int64  `json:"shiftId"`
	ShiftName  string `json:"shiftName"`
	Start      string `json:"start"`
	End        string `json:"end"`
	In         string `json:"in"` // '' none
	Out        string `json:"out"`
	InID       int64  `json:"inId"`
	OutID      int64  `json:"outId"`
	LateMin    int    `json:"lateMin"`
	EarlyMin   int    `json:"earlyMin"`
	MissingIn  bool   `json:"missingIn"`
	MissingOut bool   `json:"missingOut"`
	Status     string `json:"status"`
	Leave      string `json:"leave"` // the leave type when on leave
	inAt       time.Time
	outAt      time.Time
}

// rostered is one shift in the rota: a person's shift on a day, with its wall times.
type rostered struct {
	day        time.Time
	shift      Shift
	start, end time.Time
}

// leaveSpan is an approved leave, days inclusive.
type leaveSpan struct {
	Type     string
	From, To string
}

func onLeave(leaves []leaveSpan, day string) string {
	for _, l := range leaves {
		if l.From <= day && day <= l.To {
			return l.Type
		}
	}
	return ""
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// attend decides what each rostered shift of one person looked like, given their punches
// (any order), leaves and the time now (a shift is judged once it is over: its end plus the
// punch window). It also returns the punches that belong to no rostered shift.
//
// A punch belongs to the rostered shift whose start or end it is nearest, among those it
// falls within window of (before the start, after the end). That is how a clock-out at
// 01:58 belongs to the 17:00-02:00 shift of the day before, and a clock-out at 00:05 to
// the 17:00-24:00 shift that ended five minutes earlier, not to the next day. Within its
// shift, a punch marked in or out counts as such; a raw punch (attendance exports) is a
// clock-in when nearer the start, a clock-out when nearer the end. The earliest clock-in
// and the latest clock-out count.
//
// Lateness and leaving early are in whole minutes of the punch's minute (08:30:59 is
// 08:30, on time), as attendance machines and exports show them.
func attend(staffID int64, shifts []rostered, punches []Punch, leaves []leaveSpan, now time.Time, window time.Duration) ([]ShiftRecord, []Punch) {
	shifts = slices.Clone(shifts)
	slices.SortStableFunc(shifts, func(a, b rostered) int { return a.start.Compare(b.start) })
	punches = slices.Clone(punches)
	slices.SortStableFunc(punches, func(a, b Punch) int { return a.at.Compare(b.at) })

	assigned := make([][]Punch, len(shifts))
	var strays []Punch
	for _, p := range punches {
		best, bestD := -1, time.Duration(0)
		for i, r := range shifts {
			if p.at.Before(r.start.Add(-window)) || p.at.After(r.end.Add(window)) {
				continue
			}
			d := min(absDur(p.at.Sub(r.start)), absDur(p.at.Sub(r.end)))
			if best < 0 || d < bestD {
				best, bestD = i, d
			}
		}
		if best < 0 {
			strays = append(strays, p)
			continue
		}
		assigned[best] = append(assigned[best], p)
	}

	out := make([]ShiftRecord, 0, len(shifts))
	for i, r := range shifts {
		rec := ShiftRecord{StaffID: staffID, Day: fmtDay(r.day), ShiftID: r.shift.ID, ShiftName: r.shift.Name,
			Start: fmtWall(r.start), End: fmtWall(r.end)}
		if l := onLeave(leaves, rec.Day); l != "" {
			rec.Status, rec.Leave = StatusLeave, l
			out = append(out, rec)
			continue
		}
		var in, outP *Punch
		for j := range assigned[i] {
			p := &assigned[i][j]
			kind := p.Kind
			if kind == PunchRaw {
				kind = PunchOut
				if absDur(p.at.Sub(r.start)) <= absDur(p.at.Sub(r.end)) {
					kind = PunchIn
				}
			}
			if kind == PunchIn && (in == nil || p.at.Before(in.at)) {
				in = p
			}
			if kind == PunchOut && (outP == nil || !p.at.Before(outP.at)) {
				outP = p
			}
		}
		over := !now.Before(r.end.Add(window))
		switch {
		case in == nil && outP == nil && over:
			rec.Status = StatusAbsent
		case in == nil && outP == nil:
			rec.Status = StatusPending
		default:
			rec.Status = StatusWorked
			if in != nil {
				rec.In, rec.InID, rec.inAt = in.At, in.ID, in.at
				if late := int(in.at.Truncate(time.Minute).Sub(r.start) / time.Minute); late > 0 {
					rec.LateMin = late
				}
			} else {
				rec.MissingIn = true
			}
			if outP != nil {
				rec.Out, rec.OutID, rec.outAt = outP.At, outP.ID, outP.at
				if early := int(r.end.Sub(outP.at.Truncate(time.Minute)) / time.Minute); early > 0 {
					rec.EarlyMin = early
				}
			} else if over {
				rec.MissingOut = true
			}
		}
		out = append(out, rec)
	}
	return out, strays
}
