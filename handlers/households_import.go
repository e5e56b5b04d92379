package handlers

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/households"
	"yishi/internal/store"
)

// importHouseholds godoc
//
//	@ID		importHouseholds
//	@Summary	Import households from CSV
//	@Description	Guides (household:create) upload a UTF-8 CSV (Content-Type text/csv; a browser form may instead send multipart/form-data with the file in the part "file") with a header row naming the columns, in any order: address and floor_area (required), owner_name, owner_phone, member_phones (phones of users known to the tenant, separated by ";"; a phone nobody registered and a phone of another tenant's user are reported alike, "names no user known to this tenant"). Every row is checked first; if any is bad the answer is 400 with one error per problem, field "row N: column" (N is the line in the file, the header being row 1), and nothing is written. Otherwise all rows are written in one transaction: 201 with the counts. The audit log records, per household, who imported it with its address, floor area and member ids (household.create, via import). An address repeated in the file or already listed at the unit is a row error.
//	@Tags		households
//	@Accept		text/csv
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		body	body		string	true	"the CSV file"
//	@Success	201		{object}	householdImportResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Router		/v1/units/{id}/households/import [post]
func (s *server) importHouseholds(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	data, err := readCSVBody(c)
	if err != nil {
		return err
	}
	rows, members, err := s.checkImport(c, u, data)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		hs, err := households.Insert(ctx, tx, u, rows, members)
		if err != nil {
			return err
		}
		return s.auditImported(c, tx, u, hs, members)
	})
	if err != nil {
		return err
	}
	n := 0
	for _, m := range members {
		n += len(m)
	}
	c.JSON(http.StatusCreated, householdImportResponse{Households: len(rows), Members: n})
	return nil
}

// checkImport parses the file and resolves its phones and addresses
// against the database, collecting every row error before writing.
func (s *server) checkImport(c *gin.Context, u *ent.Unit, data []byte) ([]households.Row, [][]int, error) {
	rows, probs := households.Parse(data)
	if len(probs) == 0 && len(rows) == 0 {
		probs = append(probs, households.RowError{Row: 2, Field: "file", Message: "has no data rows"})
	}
	var phones, addresses []string
	for _, r := range rows {
		phones = append(phones, r.MemberPhones...)
		addresses = append(addresses, r.Input.Address)
	}
	ctx := c.Request.Context()
	byPhone, err := households.UsersByPhone(ctx, s.Store.Client, u.TenantID, phones)
	if err != nil {
		return nil, nil, err
	}
	listed, err := households.ListedAddresses(ctx, s.Store.Client, u.ID, addresses)
	if err != nil {
		return nil, nil, err
	}
	members := make([][]int, len(rows))
	for i, r := range rows {
		for _, p := range r.MemberPhones {
			if id, ok := byPhone[p]; ok {
				members[i] = append(members[i], id)
			} else {
				probs = append(probs, households.RowError{Row: r.Line, Field: "member_phones", Message: p + " names no user known to this tenant"})
			}
		}
		for _, a := range listed {
			if a == r.Input.Address {
				probs = append(probs, households.RowError{Row: r.Line, Field: "address", Message: "is already listed at this unit"})
			}
		}
	}
	if len(probs) > 0 {
		return nil, nil, importInvalid(probs)
	}
	return rows, members, nil
}

// importInvalid is the 400 naming every bad row and column, in row order.
func importInvalid(probs []households.RowError) error {
	slices.SortStableFunc(probs, func(a, b households.RowError) int { return a.Row - b.Row })
	fields := make([]apperr.FieldError, 0, len(probs))
	for _, p := range probs {
		fields = append(fields, apperr.FieldError{Field: "row " + strconv.Itoa(p.Row) + ": " + p.Field, Message: p.Message})
	}
	e := apperr.Invalid(fields...)
	e.Code, e.Detail = "household.import_invalid", "the file has errors; nothing was imported"
	return e
}
