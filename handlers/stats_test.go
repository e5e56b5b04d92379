package handlers_test

import (
	"reflect"
	"testing"
	"time"
)

// statsScenario builds proposals, co-signatures, feedback, meetings and
// votes across two months and three units, and returns the first day of
// the earlier month.
func statsScenario(t *testing.T, w *world) time.Time {
	author, c1, c2 := w.member("发起人", w.A1g1), w.member("甲", w.A1g1), w.member("乙", w.A1g1)
	neighbour, attendee, voter := w.member("邻居", w.A1g1), w.member("议事代表", w.A1g1), w.member("投票人", w.A1g1)
	second, community := w.member("二网格", w.A1g2), w.member("社区居民", w.A1)
	sibling := w.newPerson("隔壁社区")
	w.do("POST", unitPath(w.A2g1, "/members"), w.leadA2.Token, map[string]any{"user_id": sibling.ID, "identities": []string{"resident"}}).want(201)

	joint := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(48*time.Hour), 2)).want(201).id()
	w.act(author, joint, "submit", nil).want(200)
	w.act(c1, joint, "cosign", nil).want(200)
	w.act(c2, joint, "cosign", nil).want(200)
	w.completeProposal(joint)
	for who, score := range map[person]int{author: 5, c1: 2, neighbour: 4} {
		w.do("POST", proposalURL(joint, "/feedback"), who.Token, map[string]any{"satisfaction": score}).want(201)
	}
	rejected := w.do("POST", unitPath(w.A1g2, "/proposals"), second.Token, loveSeat("online")).want(201).id()
	w.act(second, rejected, "submit", nil).want(200)
	w.act(w.leadA1, rejected, "reject", map[string]any{"note": "重复提案"}).want(200)
	atCommunity := w.do("POST", unitPath(w.A1, "/proposals"), community.Token, loveSeat("online")).want(201).id()
	w.act(community, atCommunity, "submit", nil).want(200)
	w.act(w.leadA1, atCommunity, "accept", nil).want(200)
	w.do("POST", unitPath(w.A1g1, "/proposals"), neighbour.Token, loveSeat("online")).want(201) // a draft
	elsewhere := w.do("POST", unitPath(w.A2g1, "/proposals"), sibling.Token, loveSeat("online")).want(201).id()
	w.act(sibling, elsewhere, "submit", nil).want(200)

	// Last month: an uncategorized proposal, completed in 3.5 days and
	// rated 1, a meeting and a vote.
	earlier := monthOf(time.Now()).AddDate(0, -1, 0)
	mid := earlier.AddDate(0, 0, 14)
	body := loveSeat("online")
	delete(body, "category_code")
	old := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, body).want(201).id()
	w.act(author, old, "submit", nil).want(200)
	w.completeProposal(old)
	fb := w.do("POST", proposalURL(old, "/feedback"), neighbour.Token, map[string]any{"satisfaction": 1}).want(201).id()
	w.backdate("proposals", old, mid)
	w.backdate("feedbacks", fb, mid.Add(96*time.Hour))
	err := w.st.Client.Proposal.UpdateOneID(old).SetSubmittedAt(mid.Add(time.Hour)).
		SetResolvedAt(mid.Add(85 * time.Hour)).Exec(sys())
	if err != nil {
		t.Fatal(err)
	}
	w.meetingWithAttendance(w.A1g2, mid, []person{c2})
	w.meetingWithAttendance(w.A1, time.Now(), []person{attendee, c1}, second)
	w.voters(w.A1g1, voter, c1)
	w.voters(w.A2g1, sibling)
	return earlier
}

// TestStatsMatchBruteForce compares every figure of the statistics, and
// of each month, with a recount over all rows read as system.
func TestStatsMatchBruteForce(t *testing.T) {
	w := newWorld(t)
	earlier := statsScenario(t, w)
	later := earlier.AddDate(0, 1, 0)
	months := []string{earlier.Format("2006-01"), later.Format("2006-01")}
	lastDay := later.AddDate(0, 0, -1).Format(time.DateOnly)
	cases := []struct {
		name     string
		by       person
		unit     int
		query    string
		from, to time.Time
		months   []string
	}{
		{"community, all time", w.leadA1, w.A1, "", time.Time{}, time.Time{}, months},
		{"community, reviewer", w.reviewerA1, w.A1, "", time.Time{}, time.Time{}, months},
		{"subdistrict", w.adminA, w.A, "", time.Time{}, time.Time{}, months},
		{"grid", w.leadA1, w.A1g1, "", time.Time{}, time.Time{}, months},
		{"last month by dates", w.leadA1, w.A1, "?from=" + earlier.Format(time.DateOnly) + "&to=" + lastDay,
			earlier, later, months[:1]},
		{"this month by instant", w.adminA, w.A, "?from=" + later.UTC().Format(time.RFC3339), later, time.Time{}, months[1:]},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := decode[statsDoc](w.do("GET", unitPath(tc.unit, "/stats"+tc.query), tc.by.Token, nil).want(200))
			path := w.unitRow(tc.unit).Path
			if want := w.recount(t, path, tc.from, tc.to); !reflect.DeepEqual(doc.statsBody, want) {
				t.Fatalf("stats differ from the recount:\n got %+v\nwant %+v", doc.statsBody, want)
			}
			var got []string
			for _, m := range doc.Monthly {
				got = append(got, m.Month)
				start, _ := time.ParseInLocation("2006-01", m.Month, cst())
				if want := w.recount(t, path, start, start.AddDate(0, 1, 0)); !reflect.DeepEqual(m.statsBody, want) {
					t.Fatalf("%s differs from the recount:\n got %+v\nwant %+v", m.Month, m.statsBody, want)
				}
			}
			if !reflect.DeepEqual(got, tc.months) {
				t.Fatalf("months %v, want %v", got, tc.months)
			}
		})
	}
	all := decode[statsDoc](w.do("GET", unitPath(w.A1, "/stats"), w.leadA1.Token, nil).want(200))
	// author, c1, c2, neighbour, attendee, voter, second, community
	if all.Proposals.Total != 4 || all.Resolved != 2 || all.Participants != 8 || all.MedianDaysToResolve == nil {
		t.Fatalf("scenario sanity: %+v", all.statsBody)
	}
}

// TestStatsAccessAndInput: residents may not read statistics; bad dates
// are 400.
func TestStatsAccessAndInput(t *testing.T) {
	w := newWorld(t)
	w.do("GET", unitPath(w.A1g1, "/stats"), w.resA1g1.Token, nil).want(403)
	w.do("GET", unitPath(w.A1, "/stats"), w.guideA1g1.Token, nil).want(404) // above the guide's grid
	w.do("GET", unitPath(w.A1g1, "/stats"), w.guideA1g1.Token, nil).want(403)
	for _, q := range []string{"?from=2026-13-01", "?to=yesterday", "?from=2026-11-02&to=2026-11-01",
		"?from=2000-01-01&to=2026-01-01", "?from=2026-11-02T00:00:00", "?to=9999-12-31", "?from=0001-01-01"} {
		w.do("GET", unitPath(w.A1, "/stats"+q), w.leadA1.Token, nil).want(400)
	}
	empty := decode[statsDoc](w.do("GET", unitPath(w.A1, "/stats?from=2026-11-01&to=2026-12-31"), w.leadA1.Token, nil).want(200))
	if empty.Proposals.Total != 0 || empty.ResolutionRate != nil || len(empty.Monthly) != 2 {
		t.Fatalf("empty range: %+v", empty)
	}
}
