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
	prefs, err := client.User.Query().Where(user.IDIn(ids...)).
		Select(user.FieldID, user.FieldNotifyMuted, user.FieldNotifyDigest).All(sys)
	if err != nil {
		return fmt.Errorf("read notification preferences: %w", err)
	}
	builders := make([]*ent.NotificationCreate, 0, len(prefs))
	slices.SortFunc(prefs, func(a, b *ent.User) int { return a.ID - b.ID })
	for _, u := range prefs {
		if slices.Contains(u.NotifyMuted, string(b.Kind)) {
			continue
		}
		nb := client.Notification.Create().SetUserID(u.ID).SetTenantID(b.TenantID).
			SetNillableProposalID(b.ProposalID).SetKind(string(b.Kind)).
			SetTitle(cut(b.Title, maxTitleBytes)).SetBody(b.Body).SetData(b.Data).
			SetDigest(u.NotifyDigest)
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
