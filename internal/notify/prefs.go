package notify

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
)

// Preferences are one user's notification settings: the kinds they do
// not want (nothing is written for them) and whether the rest reach
// them in a daily digest rather than one by one. The in-app inbox holds
// digest notifications as they come; digest marks them so external
// delivery (webhooks, issue 16) batches them once a day.
type Preferences struct {
	Muted  []Kind
	Digest bool
}

// ReadPreferences returns userID's preferences; it reads as the caller.
func ReadPreferences(ctx context.Context, client *ent.Client, userID int) (Preferences, error) {
	u, err := client.User.Get(ctx, userID)
	if err != nil {
		return Preferences{}, fmt.Errorf("read preferences of user %d: %w", userID, err)
	}
	out := Preferences{Digest: u.NotifyDigest, Muted: []Kind{}}
	for _, k := range u.NotifyMuted {
		if Known(k) {
			out.Muted = append(out.Muted, Kind(k))
		}
	}
	return out, nil
}

// WritePreferences replaces userID's preferences (privacy lets a user
// write only their own row). Kinds must be Known; the caller validates.
func WritePreferences(ctx context.Context, client *ent.Client, userID int, p Preferences) (Preferences, error) {
	muted := make([]string, 0, len(p.Muted))
	for _, k := range p.Muted {
		muted = append(muted, string(k))
	}
	slices.Sort(muted)
	muted = slices.Compact(muted)
	if err := client.User.UpdateOneID(userID).SetNotifyMuted(muted).SetNotifyDigest(p.Digest).Exec(ctx); err != nil {
		return Preferences{}, fmt.Errorf("write preferences of user %d: %w", userID, err)
	}
	return ReadPreferences(ctx, client, userID)
}
