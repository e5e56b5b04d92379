package notify

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/notification"
	"yishi/ent/user"
	"yishi/internal/viewer"
)

// Batch is one notification to many people: the same kind, text and data
// for each, written in one bulk insert.
type Batch struct {
	Kind       Kind
	TenantID   int
	ProposalID *int
	Title      string
	Body       string
	Data       map[string]any
	// DedupKey makes the batch idempotent per user: a second batch with
	// the same key notifies nobody twice (jobs that run again, retries).
	DedupKey string
}

// Send writes b to every user in userIDs but actor (0: none), in tx: the
// recipients' preferences are read in one query, a muted kind is
// skipped, and a digest user's row is marked digest. Notifications are
// system-written (their privacy lets no caller create one).
func Send(ctx context.Context, client *ent.Client, b Batch, userIDs []int, actor int) error {
	ids := distinct(userIDs, actor)
	if len(ids) == 0 {
		return nil
	}
	sys := viewer.SystemContext(ctx)
	prefs, err := prefsOf(sys, client, ids)
	if err != nil {
		return err
	}
	builders := make([]*ent.NotificationCreate, 0, len(ids))
	for _, uid := range ids {
		pr := prefs[uid]
		if slices.Contains(pr.NotifyMuted, string(b.Kind)) {
			continue
		}
		nb := client.Notification.Create().SetUserID(uid).SetTenantID(b.TenantID).
			SetNillableProposalID(b.ProposalID).SetKind(string(b.Kind)).
			SetTitle(cut(b.Title, maxTitleBytes)).SetBody(b.Body).SetData(b.Data).
			SetDigest(pr.NotifyDigest)
		if b.DedupKey != "" {
			nb.SetDedupKey(b.DedupKey)
		}
		builders = append(builders, nb)
	}
	if len(builders) == 0 {
		return nil
	}
	err = client.Notification.CreateBulk(builders...).
		OnConflictColumns(notification.FieldUserID, notification.FieldDedupKey).DoNothing().Exec(sys)
	if err != nil {
		return fmt.Errorf("notify %s: %w", b.Kind, err)
	}
	return nil
}

// distinct sorts ids, drops duplicates, non-positive ids and actor.
func distinct(ids []int, actor int) []int {
	out := slices.Clone(ids)
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(id int) bool { return id <= 0 || id == actor })
}

// ActorOf is the user who causes a change in ctx, so they are not told of
// their own act; 0 for the system (jobs) and partner apps.
func ActorOf(ctx context.Context) int {
	if v := viewer.FromContext(ctx); v != nil && !v.IsSystem() {
		return v.UserID
	}
	return 0
}

// prefsOf reads the preferences of ids in one query; a user without a
// row (or without settings) gets the defaults: every kind, no digest.
func prefsOf(ctx context.Context, client *ent.Client, ids []int) (map[int]*ent.User, error) {
	rows, err := client.User.Query().Where(user.IDIn(ids...)).
		Select(user.FieldID, user.FieldNotifyMuted, user.FieldNotifyDigest).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read notification preferences: %w", err)
	}
	out := make(map[int]*ent.User, len(ids))
	for _, id := range ids {
		out[id] = &ent.User{ID: id}
	}
	for _, u := range rows {
		out[u.ID] = u
	}
	return out, nil
}
