package proposals_test

import (
	"testing"

	"yishi/internal/proposals"
)

func TestFollowTwiceKeepsOneFollow(t *testing.T) {
	d := newDelivery(t)
	p := d.approved()
	first, created, err := proposals.Follow(d.ctx, d.st.Client, p, 7)
	if err != nil || !created {
		t.Fatalf("first follow: created %v, %v", created, err)
	}
	again, created, err := proposals.Follow(d.ctx, d.st.Client, p, 7)
	if err != nil || created || again.ID != first.ID {
		t.Fatalf("second follow: created %v, id %d (first %d), %v", created, again.ID, first.ID, err)
	}
	for range 2 {
		d.must(proposals.Unfollow(d.ctx, d.st.Client, p, 7))
	}
}

func TestCommentsHideInternalNotesUnlessAsked(t *testing.T) {
	d := newDelivery(t)
	p := d.approved()
	_, err := proposals.AddComment(d.ctx, d.st.Client, p, 7, "  三楼也要  ", false)
	d.must(err)
	_, err = proposals.AddComment(d.ctx, d.st.Client, p, 1, "预算已报", true)
	d.must(err)
	public, err := proposals.Comments(d.ctx, d.st.Client, p, false, 0, 10)
	d.must(err)
	all, err := proposals.Comments(d.ctx, d.st.Client, p, true, 0, 10)
	d.must(err)
	if len(public) != 1 || public[0].Body != "三楼也要" || len(all) != 2 {
		t.Fatalf("public %d (%q), all %d", len(public), public[0].Body, len(all))
	}
	after, err := proposals.Comments(d.ctx, d.st.Client, p, true, all[0].ID, 10)
	d.must(err)
	if len(after) != 1 || after[0].ID != all[1].ID {
		t.Fatalf("the page after %d has %d rows", all[0].ID, len(after))
	}
}

func TestListUnderFiltersAndPages(t *testing.T) {
	d := newDelivery(t)
	older, newer := d.approved(), d.approved()
	all, err := proposals.ListUnder(d.ctx, d.st.Client, d.community.Path, proposals.ListFilter{}, 0, 10)
	d.must(err)
	if len(all) != 2 || all[0].ID != newer.ID {
		t.Fatalf("list = %d rows, want newest first", len(all))
	}
	next, err := proposals.ListUnder(d.ctx, d.st.Client, d.community.Path, proposals.ListFilter{}, newer.ID, 10)
	d.must(err)
	if len(next) != 1 || next[0].ID != older.ID {
		t.Fatalf("the page below %d has %d rows", newer.ID, len(next))
	}
	for _, f := range []proposals.ListFilter{{Statuses: []string{"draft"}}, {Text: "不存在"}, {Channel: "online"}} {
		rows, err := proposals.ListUnder(d.ctx, d.st.Client, d.community.Path, f, 0, 10)
		d.must(err)
		if len(rows) != 0 {
			t.Fatalf("filter %+v kept %d rows", f, len(rows))
		}
	}
	rows, err := proposals.ListUnder(d.ctx, d.st.Client, d.community.Path,
		proposals.ListFilter{Statuses: []string{"approved"}, Text: "爱心椅", Channel: "mailbox"}, 0, 10)
	d.must(err)
	if len(rows) != 2 {
		t.Fatalf("matching filter kept %d rows, want 2", len(rows))
	}
}
