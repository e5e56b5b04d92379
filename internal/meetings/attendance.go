package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/participant"
)

// Identities are the stakeholder identities a participant attends as, in
// the order meetings report them. A function, not a variable, so nobody
// can change the list at run time.
func Identities() []string {
	return []string{"party_member", "resident_rep", "building_head", "org_leader", "merchant",
		"property_rep", "grid_worker", "volunteer", "resident"}
}

// IdentityCount is one row of the participants grouped by identity and
// attendance mark.
type IdentityCount struct {
	Identity string `json:"identity"`
	Attended bool   `json:"attended"`
	Count    int    `json:"count"`
}

// IdentityAttendance is how many people of one identity were invited and
// how many came: the article's point is that every party was in the room.
type IdentityAttendance struct {
	Identity string
	Invited  int
	Attended int
}

// Attendance summarises a meeting's participants.
type Attendance struct {
	Invited    int
	Attended   int
	ByIdentity []IdentityAttendance
}

// Tally folds grouped rows into an Attendance, identities in Identities()
// order and only those with at least one participant.
func Tally(rows []IdentityCount) Attendance {
	var out Attendance
	for _, id := range Identities() {
		ia := IdentityAttendance{Identity: id}
		for _, r := range rows {
			if r.Identity != id {
				continue
			}
			ia.Invited += r.Count
			if r.Attended {
				ia.Attended += r.Count
			}
		}
		if ia.Invited > 0 {
			out.ByIdentity = append(out.ByIdentity, ia)
			out.Invited += ia.Invited
			out.Attended += ia.Attended
		}
	}
	return out
}

// CountAttendance counts meetingID's participants in the database, not in
// memory, so a 300-person report meeting costs one small query.
func CountAttendance(ctx context.Context, client *ent.Client, meetingID int) (Attendance, error) {
	var rows []IdentityCount
	err := client.Participant.Query().Where(participant.MeetingID(meetingID)).
		GroupBy(participant.FieldIdentity, participant.FieldAttended).
		Aggregate(ent.Count()).Scan(ctx, &rows)
	if err != nil {
		return Attendance{}, fmt.Errorf("count attendance: %w", err)
	}
	return Tally(rows), nil
}
