package handlers

import (
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/proposals"
)

// followUpResponse is a follow-up proposal opened by feedback on the one
// being read: the original's side of the follow_up_of_id link.
type followUpResponse struct {
	ID        int       `json:"id"`
	Title     string    `json:"title" example:"跟进：转角遇到爱心椅"`
	Status    string    `json:"status" example:"draft"`
	CreatedAt time.Time `json:"created_at"`
}

// followUps lists the follow-ups of p the caller can see, oldest first.
// A follow-up starts as its giver's draft, so residents other than the
// giver see it once it is submitted; staff see it at once.
func (s *server) followUps(c *gin.Context, p *ent.Proposal) ([]followUpResponse, error) {
	rows, err := proposals.FollowUps(c.Request.Context(), s.Store.Client, p, 100)
	if err != nil {
		return nil, err
	}
	out := make([]followUpResponse, 0, len(rows))
	for _, r := range rows {
		out = append(out, followUpResponse{ID: r.ID, Title: r.Title, Status: string(r.Status), CreatedAt: r.CreatedAt.UTC()})
	}
	return out, nil
}
