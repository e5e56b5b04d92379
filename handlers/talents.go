package handlers

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/talents"
)

// talentTarget is the talent named by :id, read through privacy.
func talentTarget() loader {
	return loader{Name: "talent", Load: func(s *server, c *gin.Context) (access.Target, error) {
		t, err := getByID(c, "talent", func(ctx context.Context, id int) (*ent.Talent, error) {
			return talents.Get(ctx, s.Store.Client, id)
		})
		if err != nil {
			return access.Target{}, err
		}
		return access.Target{Kind: "talent", UnitPath: t.UnitPath, Visible: true, Object: t}, nil
	}}
}

// createTalent godoc
//
//	@Summary	Record a talent (能人) at a unit
//	@Description	A member of the tenant (user_id, who must be known to the tenant: 422 user.not_found otherwise) or a named person not yet registered. who found them is the caller; found_at defaults to now. 409 talent.exists when the person is already recorded in the tenant.
//	@ID			createTalent
//	@Tags		talents
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"unit id"
//	@Param		body	body		createTalentRequest	true	"the talent"
//	@Success	201		{object}	talentResponse
//	@Failure	400		{object}	problem	"invalid fields, named"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Failure	409		{object}	problem	"talent.exists"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	422		{object}	problem	"user.not_found"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/units/{id}/talents [post]
func (s *server) createTalent(c *gin.Context) error {
	var req createTalentRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	if req.UserID != nil {
		if err := s.requireKnownUser(c, u.TenantID, *req.UserID); err != nil {
			return err
		}
	}
	found := time.Now()
	if req.FoundAt != nil {
		found = *req.FoundAt
	}
	t, err := talents.Create(c.Request.Context(), s.Store.Client, u, talents.New{UserID: req.UserID, Name: req.Name,
		Skills: req.Skills, Source: req.Source, FoundBy: userIDPtr(caller(c)), FoundAt: found, Profile: req.Profile,
		ContactConsent: req.ContactConsent})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/talents/"+strconv.Itoa(t.ID))
	c.JSON(http.StatusCreated, newTalentResponse(t))
	return nil
}

// listTalents godoc
//
//	@Summary	List the talents of a unit's subtree
//	@ID			listTalents
//	@Tags		talents
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		skill	query		string	false	"one skill tag, e.g. 木工"
//	@Param		source	query		string	false	"home_visit, activity, self_registration or recommendation"
//	@Param		unit	query		int		false	"only talents recorded at this unit of the subtree"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[talentResponse]
//	@Failure	400		{object}	problem	"source, unit, limit or cursor invalid"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"unit.not_found"
//	@Router		/v1/units/{id}/talents [get]
func (s *server) listTalents(c *gin.Context) error {
	f := talents.Filter{Skill: c.Query("skill"), Source: c.Query("source")}
	if err := checkTalentSource(optionalQuery(c, "source")); err != nil {
		return apperr.Invalid(err...)
	}
	if f.Skill != "" && len(checkSkills([]string{f.Skill}, false)) > 0 {
		return apperr.Invalid(apperr.FieldError{Field: "skill", Message: "must be one skill of at most 20 characters"})
	}
	if v := c.Query("unit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return apperr.Invalid(apperr.FieldError{Field: "unit", Message: "must be a unit id"})
		}
		f.UnitID = n
	}
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.Talent, error) {
		return talents.InSubtree(c.Request.Context(), s.Store.Client, u.Path, f, p.After, p.Limit+1)
	}, func(t *ent.Talent) int { return t.ID }, newTalentResponse)
}

// optionalQuery is the query parameter, or nil when absent.
func optionalQuery(c *gin.Context, name string) *string {
	v, ok := c.GetQuery(name)
	if !ok {
		return nil
	}
	return &v
}

// getTalent godoc
//
//	@Summary	Read a talent with growth records and participation
//	@Description	participation is counted from the person's rows in the tenant (proposals filed and co-signed, meetings attended, tasks done, ballots cast, feedback given), never typed in; ballots are counted only, never which choice. A talent not linked to a user has zero counts.
//	@ID			getTalent
//	@Tags		talents
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"talent id"
//	@Success	200	{object}	talentResponse
//	@Failure	400	{object}	problem
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem	"talent.not_found"
//	@Router		/v1/talents/{id} [get]
func (s *server) getTalent(c *gin.Context) error {
	t := targetOf[*ent.Talent](c)
	out, err := s.talentDetail(c, t)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, out)
	return nil
}

func (s *server) talentDetail(c *gin.Context, t *ent.Talent) (talentResponse, error) {
	ctx := c.Request.Context()
	out := newTalentResponse(t)
	recs, err := talents.Records(ctx, s.Store.Client, t.ID)
	if err != nil {
		return out, err
	}
	out.Records = make([]talentRecordResponse, 0, len(recs))
	for _, r := range recs {
		out.Records = append(out.Records, newTalentRecordResponse(r))
	}
	part, err := talents.ParticipationOf(ctx, s.Store.Client, t.TenantID, t.UserID)
	if err != nil {
		return out, err
	}
	out.Participation = &part
	return out, nil
}

// updateTalent godoc
//
//	@Summary	Change a talent, or link it to the person's account
//	@ID			updateTalent
//	@Tags		talents
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"talent id"
//	@Param		body	body		updateTalentRequest	true	"the changes"
//	@Success	200		{object}	talentResponse
//	@Failure	400		{object}	problem	"invalid fields, named"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"talent.not_found"
//	@Failure	409		{object}	problem	"talent.exists: the linked person already has a talent record"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	422		{object}	problem	"user.not_found"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/talents/{id} [patch]
func (s *server) updateTalent(c *gin.Context) error {
	var req updateTalentRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	t := targetOf[*ent.Talent](c)
	if req.UserID != nil {
		if err := s.requireKnownUser(c, t.TenantID, *req.UserID); err != nil {
			return err
		}
	}
	t, err := talents.Update(c.Request.Context(), s.Store.Client, t, talents.Patch{UserID: req.UserID, Name: req.Name,
		Skills: req.Skills, Source: req.Source, Profile: req.Profile, ContactConsent: req.ContactConsent})
	if err != nil {
		return err
	}
	out, err := s.talentDetail(c, t)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// createTalentRecord godoc
//
//	@Summary	Add a growth record to a talent
//	@ID			createTalentRecord
//	@Tags		talents
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int							true	"talent id"
//	@Param		body	body		createTalentRecordRequest	true	"the record"
//	@Success	201		{object}	talentRecordResponse
//	@Failure	400		{object}	problem	"invalid fields, named"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"talent.not_found"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/talents/{id}/records [post]
func (s *server) createTalentRecord(c *gin.Context) error {
	var req createTalentRecordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	t := targetOf[*ent.Talent](c)
	r, err := talents.AddRecord(c.Request.Context(), s.Store.Client, t, talents.NewRecord{Kind: req.Kind,
		Title: req.Title, Detail: req.Detail, OccurredOn: *req.OccurredOn, RecordedBy: userIDPtr(caller(c))})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newTalentRecordResponse(r))
	return nil
}

// listTalentSuggestions godoc
//
//	@Summary	Rank the community's talents for a proposal
//	@Description	Talents recorded in the proposal's community whose skills match it. Score per skill: 5 for each of the skill's words (the tag and its related words, e.g. 木工: 木, 椅, 凳, 桌, 柜, 家具) found in the title or body, 1 for each found in the guidebook category's title and keywords; ties go to talents who consented to be contacted, then to the earliest recorded. Talents scoring 0 are left out; at most 20.
//	@ID			listTalentSuggestions
//	@Tags		talents
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"proposal id"
//	@Success	200	{object}	talentSuggestionsResponse
//	@Failure	400	{object}	problem
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem	"proposal.not_found"
//	@Router		/v1/proposals/{id}/talent-suggestions [get]
func (s *server) listTalentSuggestions(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	rows, err := talents.Suggest(c.Request.Context(), s.Store.Client, p, 20)
	if err != nil {
		return err
	}
	out := talentSuggestionsResponse{Items: make([]talentSuggestionResponse, 0, len(rows))}
	for _, r := range rows {
		out.Items = append(out.Items, talentSuggestionResponse{Talent: newTalentResponse(r.Talent), Score: r.Score, Matched: r.Matched})
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// getTalentStats godoc
//
//	@Summary	Count the talents of a unit's subtree
//	@Description	In total, per unit path, per skill (a talent with two skills counts in both) and per source; each bucket list is sorted by count, then key.
//	@ID			getTalentStats
//	@Tags		talents
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"unit id"
//	@Success	200	{object}	talents.Stats
//	@Failure	400	{object}	problem
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem	"unit.not_found"
//	@Router		/v1/units/{id}/talents/stats [get]
func (s *server) getTalentStats(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	st, err := talents.StatsOf(c.Request.Context(), s.Store.Client, u.Path)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, st)
	return nil
}
