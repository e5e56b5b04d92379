package accounts

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"yishi/ent"
	"yishi/ent/comment"
	"yishi/ent/cosignature"
	"yishi/ent/feedback"
	"yishi/ent/membership"
	"yishi/ent/notification"
	"yishi/ent/proposal"
	"yishi/ent/roleassignment"
	"yishi/ent/talent"
	"yishi/ent/talentrecord"
	"yishi/ent/vote"
	"yishi/ent/voteparticipation"
	"yishi/internal/viewer"
)

// Export is everything the service holds about one person (PIPL right of
// access, issue 11), as one JSON document. Ballots appear only as "voted
// in vote N" (never the choice), and votes held anonymously not at all.
type Export struct {
	Profile         ExportProfile      `json:"profile"`
	Memberships     []ExportMembership `json:"memberships"`
	RoleAssignments []ExportRole       `json:"role_assignments"`
	// Talents are the person's records in the talent registry (能人),
	// with their growth records: one per unit that recorded them.
	Talents       []ExportTalent       `json:"talents"`
	Proposals     []ExportProposal     `json:"proposals"`
	Comments      []ExportComment      `json:"comments"`
	Cosignatures  []ExportCosignature  `json:"cosignatures"`
	Feedback      []ExportFeedback     `json:"feedback"`
	Notifications []ExportNotification `json:"notifications"`
	Votes         []ExportVote         `json:"votes"`
	ExportedAt    time.Time            `json:"exported_at"`
}

// ExportProfile is the account itself, with the recorded consent.
type ExportProfile struct {
	ID                   int        `json:"id"`
	Phone                string     `json:"phone"`
	Name                 string     `json:"name"`
	Status               string     `json:"status"`
	PrivacyNoticeVersion string     `json:"privacy_notice_version"`
	PrivacyConsentedAt   *time.Time `json:"privacy_consented_at"`
	CreatedAt            time.Time  `json:"created_at"`
}

// ExportMembership is one unit the person belongs to.
type ExportMembership struct {
	UnitID     int       `json:"unit_id"`
	UnitPath   string    `json:"unit_path"`
	Identities []string  `json:"identities"`
	Address    string    `json:"address"`
	CreatedAt  time.Time `json:"created_at"`
}

// ExportRole is one role the person holds or held.
type ExportRole struct {
	Role      string     `json:"role"`
	UnitID    *int       `json:"unit_id"`
	GrantedAt time.Time  `json:"granted_at"`
	RevokedAt *time.Time `json:"revoked_at"`
}

// ExportProposal is a proposal the person authored.
type ExportProposal struct {
	ID          int       `json:"id"`
	UnitID      int       `json:"unit_id"`
	Title       string    `json:"title"`
	Body        string    `json:"body"`
	Status      string    `json:"status"`
	AuthorName  string    `json:"author_name"`
	AuthorPhone string    `json:"author_phone"`
	CreatedAt   time.Time `json:"created_at"`
}

// ExportComment is a comment the person wrote.
type ExportComment struct {
	ID         int       `json:"id"`
	ProposalID int       `json:"proposal_id"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

// ExportCosignature is a proposal the person co-signed.
type ExportCosignature struct {
	ProposalID int       `json:"proposal_id"`
	CreatedAt  time.Time `json:"created_at"`
}

// ExportFeedback is the person's feedback on a completed proposal.
type ExportFeedback struct {
	ProposalID   int       `json:"proposal_id"`
	Satisfaction int       `json:"satisfaction"`
	Comment      string    `json:"comment"`
	NewNeed      bool      `json:"new_need"`
	CreatedAt    time.Time `json:"created_at"`
}

// ExportNotification is one inbox entry.
type ExportNotification struct {
	Kind       string     `json:"kind"`
	Title      string     `json:"title"`
	Body       string     `json:"body"`
	ProposalID *int       `json:"proposal_id"`
	ReadAt     *time.Time `json:"read_at"`
	CreatedAt  time.Time  `json:"created_at"`
}

// ExportVote says that the person voted in a vote that was not anonymous,
// and when; never what they chose.
type ExportVote struct {
	VoteID  int       `json:"vote_id"`
	Title   string    `json:"title"`
	VotedAt time.Time `json:"voted_at"`
}

// ExportOf gathers id's data. Every read filters on the person's own id,
// under the system context: rows they wrote stay theirs to see even where
// they no longer hold a role (a resident who moved away).
func ExportOf(ctx context.Context, client *ent.Client, id int, now time.Time) (*Export, error) {
	sys := viewer.SystemContext(ctx)
	u, err := client.User.Get(sys, id)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	out := &Export{ExportedAt: now, Profile: ExportProfile{ID: u.ID, Phone: u.Phone, Name: u.Name,
		Status: string(u.Status), PrivacyNoticeVersion: u.PrivacyNoticeVersion,
		PrivacyConsentedAt: u.PrivacyConsentedAt, CreatedAt: u.CreatedAt.UTC()}}
	steps := []func() error{
		func() error { return exportMemberships(sys, client, id, out) },
		func() error { return exportRoles(sys, client, id, out) },
		func() error { return exportWritings(sys, client, id, out) },
		func() error { return exportInbox(sys, client, id, out) },
		func() error { return exportVotes(sys, client, id, out) },
		func() error { return exportTalents(sys, client, id, out) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("export user %d: %w", id, err)
		}
	}
	return out, nil
}

func exportMemberships(ctx context.Context, client *ent.Client, id int, out *Export) error {
	rows, err := client.Membership.Query().Where(membership.UserID(id)).Order(ent.Asc(membership.FieldID)).All(ctx)
	out.Memberships = make([]ExportMembership, 0, len(rows))
	for _, m := range rows {
		out.Memberships = append(out.Memberships, ExportMembership{UnitID: m.UnitID, UnitPath: m.UnitPath,
			Identities: m.Identities, Address: m.Address, CreatedAt: m.CreatedAt.UTC()})
	}
	return err
}

func exportRoles(ctx context.Context, client *ent.Client, id int, out *Export) error {
	rows, err := client.RoleAssignment.Query().Where(roleassignment.UserID(id)).
		Order(ent.Asc(roleassignment.FieldID)).All(ctx)
	out.RoleAssignments = make([]ExportRole, 0, len(rows))
	for _, r := range rows {
		out.RoleAssignments = append(out.RoleAssignments, ExportRole{Role: r.Role, UnitID: r.UnitID,
			GrantedAt: r.GrantedAt.UTC(), RevokedAt: r.RevokedAt})
	}
	return err
}

// exportWritings gathers what the person wrote: proposals, comments,
// co-signatures and feedback.
func exportWritings(ctx context.Context, client *ent.Client, id int, out *Export) error {
	props, err := client.Proposal.Query().Where(proposal.AuthorID(id)).Order(ent.Asc(proposal.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	out.Proposals = make([]ExportProposal, 0, len(props))
	for _, p := range props {
		out.Proposals = append(out.Proposals, ExportProposal{ID: p.ID, UnitID: p.UnitID, Title: p.Title, Body: p.Body,
			Status: string(p.Status), AuthorName: p.AuthorName, AuthorPhone: p.AuthorPhone, CreatedAt: p.CreatedAt.UTC()})
	}
	comments, err := client.Comment.Query().Where(comment.AuthorID(id)).Order(ent.Asc(comment.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	out.Comments = make([]ExportComment, 0, len(comments))
	for _, c := range comments {
		out.Comments = append(out.Comments, ExportComment{ID: c.ID, ProposalID: c.ProposalID, Body: c.Body, CreatedAt: c.CreatedAt.UTC()})
	}
	cos, err := client.Cosignature.Query().Where(cosignature.UserID(id)).Order(ent.Asc(cosignature.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	out.Cosignatures = make([]ExportCosignature, 0, len(cos))
	for _, c := range cos {
		out.Cosignatures = append(out.Cosignatures, ExportCosignature{ProposalID: c.ProposalID, CreatedAt: c.CreatedAt.UTC()})
	}
	fb, err := client.Feedback.Query().Where(feedback.UserID(id)).Order(ent.Asc(feedback.FieldID)).All(ctx)
	out.Feedback = make([]ExportFeedback, 0, len(fb))
	for _, f := range fb {
		out.Feedback = append(out.Feedback, ExportFeedback{ProposalID: f.ProposalID, Satisfaction: f.Satisfaction,
			Comment: f.Comment, NewNeed: f.NewNeed, CreatedAt: f.CreatedAt.UTC()})
	}
	return err
}

func exportInbox(ctx context.Context, client *ent.Client, id int, out *Export) error {
	rows, err := client.Notification.Query().Where(notification.UserID(id)).Order(ent.Asc(notification.FieldID)).All(ctx)
	out.Notifications = make([]ExportNotification, 0, len(rows))
	for _, n := range rows {
		out.Notifications = append(out.Notifications, ExportNotification{Kind: n.Kind, Title: n.Title, Body: n.Body,
			ProposalID: n.ProposalID, ReadAt: n.ReadAt, CreatedAt: n.CreatedAt.UTC()})
	}
	return err
}

// exportVotes lists the non-anonymous votes the person took part in.
func exportVotes(ctx context.Context, client *ent.Client, id int, out *Export) error {
	parts, err := client.VoteParticipation.Query().
		Where(voteparticipation.Or(voteparticipation.CastBy(id), voteparticipation.VoterKey("u:"+strconv.Itoa(id)))).
		Order(ent.Asc(voteparticipation.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	ids := make([]int, 0, len(parts))
	for _, p := range parts {
		ids = append(ids, p.VoteID)
	}
	votes, err := client.Vote.Query().Where(vote.IDIn(ids...), vote.Anonymous(false)).All(ctx)
	if err != nil {
		return err
	}
	named := make(map[int]string, len(votes))
	for _, v := range votes {
		named[v.ID] = v.Title
	}
	out.Votes = make([]ExportVote, 0, len(parts))
	seen := map[int]bool{}
	for _, p := range parts {
		if title, ok := named[p.VoteID]; ok && !seen[p.VoteID] {
			seen[p.VoteID] = true
			out.Votes = append(out.Votes, ExportVote{VoteID: p.VoteID, Title: title, VotedAt: p.CreatedAt.UTC()})
		}
	}
	return nil
}

// ExportTalent is one talent-registry record of the person.
type ExportTalent struct {
	ID             int                  `json:"id"`
	UnitID         int                  `json:"unit_id"`
	Skills         []string             `json:"skills"`
	Source         string               `json:"source"`
	FoundAt        time.Time            `json:"found_at"`
	Profile        string               `json:"profile"`
	ContactConsent bool                 `json:"contact_consent"`
	Records        []ExportTalentRecord `json:"records"`
}

// ExportTalentRecord is one growth record (training, award …).
type ExportTalentRecord struct {
	Kind       string    `json:"kind"`
	Title      string    `json:"title"`
	Detail     string    `json:"detail"`
	OccurredOn time.Time `json:"occurred_on"`
}

func exportTalents(ctx context.Context, client *ent.Client, id int, out *Export) error {
	rows, err := client.Talent.Query().Where(talent.UserID(id)).Order(ent.Asc(talent.FieldID)).All(ctx)
	out.Talents = make([]ExportTalent, 0, len(rows))
	if err != nil {
		return err
	}
	for _, t := range rows {
		recs, err := client.TalentRecord.Query().Where(talentrecord.TalentID(t.ID)).Order(ent.Asc(talentrecord.FieldID)).All(ctx)
		if err != nil {
			return err
		}
		item := ExportTalent{ID: t.ID, UnitID: t.UnitID, Skills: t.Skills, Source: string(t.Source), FoundAt: t.FoundAt.UTC(),
			Profile: t.Profile, ContactConsent: t.ContactConsent, Records: make([]ExportTalentRecord, 0, len(recs))}
		for _, r := range recs {
			item.Records = append(item.Records, ExportTalentRecord{Kind: string(r.Kind), Title: r.Title, Detail: r.Detail, OccurredOn: r.OccurredOn.UTC()})
		}
		out.Talents = append(out.Talents, item)
	}
	return nil
}
